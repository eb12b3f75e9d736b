#!/usr/bin/env python3
"""Stamp a translated notebook (or README) with the hashes of the English cells (sections) it translates.

  python3 tests/Notebooks.Tests/Editions/stamp.py notebooks/ko/5.4-simple-layers.ipynb
      lists the cells that are stale (English changed since), unstamped, missing, extra or out of order; exit 1 if any
  python3 tests/Notebooks.Tests/Editions/stamp.py notebooks/ko/5.4-simple-layers.ipynb --stamp ID [ID ...]
      records, in each named cell, the SHA-256 of its English cell: do it right after (re)translating that cell
  ... --stamp-all   the same for every cell, only when you have just translated them all

The English notebook is the one a folder up (notebooks/5.4-simple-layers.ipynb); --english PATH names another.

A README (notebooks/ko/README.md) is stamped section by section: a section runs from a line starting with "## " to
the next (section 0 is what comes before the first); each edition section carries one line
<!-- translation: sourceSha256=HEX -->, the SHA-256 of the English section's text, right after its first line.
IDs are section numbers: --stamp 0 3 stamps the title section and the third "## " section.
The token check of code cells (only comments and string contents may differ) is the test's: EditionSyncTests.
"""
import argparse, hashlib, json, os, re, sys

def source(cell):
    s = cell.get("source", "")
    return "".join(s) if isinstance(s, list) else s

def sha256(cell):
    return hashlib.sha256(source(cell).encode("utf-8")).hexdigest()

STAMP = re.compile(r"^<!-- translation: sourceSha256=([0-9a-f]{64}) -->\n?$")

def sections(text):
    """The text cut before every line that starts with '## ' (section 0 first, maybe empty), each as its lines."""
    return [part.splitlines(keepends=True) for part in re.split(r"(?m)(?=^## )", text)]

def readme(a, english_path):
    with open(english_path, encoding="utf-8") as f:
        english = ["".join(p) for p in sections(f.read())]
    with open(a.edition, encoding="utf-8") as f:
        edition = sections(f.read())
    wanted = set(range(min(len(english), len(edition)))) if a.stamp_all else {int(i) for i in a.stamp}
    if wanted:
        for i in sorted(wanted):
            digest = hashlib.sha256(english[i].encode("utf-8")).hexdigest()
            lines = [l for l in edition[i] if not STAMP.match(l)]
            edition[i] = lines[:1] + [f"<!-- translation: sourceSha256={digest} -->\n"] + lines[1:]
        with open(a.edition, "w", encoding="utf-8", newline="\n") as f:
            f.write("".join("".join(p) for p in edition))
        print(f"stamped {len(wanted)} section(s)")
    problems = []
    if len(english) != len(edition):
        problems.append(f"{len(edition)} sections, the English has {len(english)}")
    for i, (en, ed) in enumerate(zip(english, edition)):
        stamps = [m.group(1) for m in map(STAMP.match, ed) if m]
        title = en.splitlines()[0] if en else ""
        if len(stamps) != 1:
            problems.append(f"section {i} ({title}): {len(stamps)} stamps, want 1")
        elif stamps[0] != hashlib.sha256(en.encode("utf-8")).hexdigest():
            problems.append(f"section {i} ({title}): stale (the English section changed after it was translated)")
    print("\n".join(problems) or "in step with " + os.path.relpath(english_path))
    return 1 if problems else 0

def main():
    args = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    args.add_argument("edition")
    args.add_argument("--english")
    args.add_argument("--stamp", nargs="+", metavar="ID", default=[])
    args.add_argument("--stamp-all", action="store_true")
    a = args.parse_args()
    english_path = a.english or os.path.join(os.path.dirname(os.path.abspath(a.edition)), "..", os.path.basename(a.edition))
    if a.edition.endswith(".md"):
        return readme(a, english_path)
    with open(english_path, encoding="utf-8") as f:
        english = {c["id"]: c for c in json.load(f)["cells"]}
    with open(a.edition, encoding="utf-8") as f:
        edition = json.load(f)

    wanted = set(english) & {c["id"] for c in edition["cells"]} if a.stamp_all else set(a.stamp)
    unknown = wanted - set(english)
    if unknown:
        sys.exit(f"no English cell with id {', '.join(sorted(unknown))}")
    if wanted:
        for cell in edition["cells"]:
            if cell["id"] in wanted:
                cell.setdefault("metadata", {})["translation"] = {"sourceSha256": sha256(english[cell["id"]])}
        with open(a.edition, "w", encoding="utf-8", newline="\n") as f:
            json.dump(edition, f, ensure_ascii=False, indent=1)
            f.write("\n")
        print(f"stamped {len(wanted)} cell(s)")

    problems = []
    ids = [c["id"] for c in edition["cells"]]
    problems += [f"{i}: missing (English cell {n + 1})" for n, i in enumerate(english) if i not in ids]
    problems += [f"{i}: not in the English" for i in ids if i not in english]
    common = [i for i in ids if i in english]
    if common != [i for i in english if i in ids]:
        problems.append("cells are not in the English order")
    for cell in edition["cells"]:
        if cell["id"] in english:
            recorded = cell.get("metadata", {}).get("translation", {}).get("sourceSha256")
            if recorded is None:
                problems.append(f"{cell['id']}: not stamped")
            elif recorded != sha256(english[cell["id"]]):
                problems.append(f"{cell['id']}: stale (the English cell changed after it was translated)")
    print("\n".join(problems) or "in step with " + os.path.relpath(english_path))
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main())
