using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Documents;

namespace NotebookRunner.Engine.Formats;

/// <summary>
/// Reads Polyglot's plain-text .dib format with the Microsoft.DotNet.Interactive.Documents parser (the one VS Code
/// Polyglot Notebooks uses): an optional <c>#!meta</c> JSON block, then cells, each introduced by a line
/// <c>#!kernel</c> (<c>#!csharp</c>, <c>#!markdown</c>, ...). Blank lines around a cell's text are not part of it.
/// The cells become a Polyglot .ipynb document in memory, the form the rest of the runner works on.
/// </summary>
public static class DibReader
{
    public static Notebook Parse(string text, string path = "")
    {
        // The kernel names that separate cells besides those a #!meta block declares; C# by default.
        var wellKnown = new KernelInfoCollection { DefaultKernelName = KernelNames.CSharp };
        foreach (var name in KernelNames.WellKnown)
        {
            wellKnown.Add(new KernelInfo(name));
        }

        InteractiveDocument document;
        try
        {
            document = CodeSubmission.Parse(text, wellKnown);
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException(path, "invalid JSON in the #!meta block: " + e.Message);
        }

        var kernelInfo = document.Metadata.TryGetValue("kernelInfo", out var declared) && declared is KernelInfoCollection kernels ? ToJson(kernels) : null;
        var cells = document.Elements.Select(e => (KernelNames.Normalize(e.KernelName ?? KernelNames.CSharp), e.Contents));
        var notebook = Notebook.Create(cells, kernelInfo, path);
        return new Notebook(notebook.Root, NotebookFormat.Dib, notebook.Style, path);
    }

    // The kernel list as VS Code stores it in an .ipynb's polyglot_notebook metadata (keys sorted).
    private static JsonObject ToJson(KernelInfoCollection kernels) => new()
    {
        ["defaultKernelName"] = kernels.DefaultKernelName ?? KernelNames.CSharp,
        ["items"] = new JsonArray(kernels.Select(kernel =>
        {
            var item = new JsonObject { ["aliases"] = new JsonArray(kernel.Aliases.Select(a => (JsonNode?)a).ToArray()) };
            if (kernel.LanguageName is { } language)
            {
                item["languageName"] = language;
            }

            item["name"] = kernel.Name;
            return (JsonNode?)item;
        }).ToArray()),
    };
}
