var fromHelper = "loaded from helper.csx";
