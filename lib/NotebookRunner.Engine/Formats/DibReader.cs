using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotebookRunner.Engine.Formats;

/// <summary>
/// Reads Polyglot's plain-text .dib format: an optional <c>#!meta</c> JSON block, then cells, each introduced by a
/// line <c>#!kernel</c> (<c>#!csharp</c>, <c>#!markdown</c>, ...). Blank lines around a cell's text are not part of it.
/// </summary>
public static class DibReader
{
    public static Notebook Parse(string text, string path = "")
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var kernels = new HashSet<string>(KernelNames.WellKnown, StringComparer.OrdinalIgnoreCase);
        JsonObject? kernelInfo = null;

        // The meta block comes first when present and declares the kernel names that also act as separators.
        var metaText = ReadMeta(lines, path);
        if (metaText is not null)
        {
            try
            {
                kernelInfo = (JsonNode.Parse(metaText) as JsonObject)?["kernelInfo"] as JsonObject;
            }
            catch (JsonException e)
            {
                throw new NotebookFormatException(path, "invalid JSON in the #!meta block: " + e.Message);
            }

            foreach (var item in (kernelInfo?["items"] as JsonArray ?? []).OfType<JsonObject>())
            {
                AddName(kernels, (string?)item["name"]);
                foreach (var alias in item["aliases"] as JsonArray ?? [])
                {
                    AddName(kernels, (string?)alias);
                }
            }
        }

        var defaultKernel = (string?)kernelInfo?["defaultKernelName"] ?? KernelNames.CSharp;
        var cells = new List<(string Kernel, string Source)>();
        string? kernel = null;
        var body = new List<string>();
        foreach (var line in lines)
        {
            var name = SeparatorName(line, kernels);
            if (name is null)
            {
                body.Add(line);
                continue;
            }

            Flush(cells, kernel ?? defaultKernel, body, isLeading: kernel is null);
            kernel = name;
            body.Clear();
        }

        Flush(cells, kernel ?? defaultKernel, body, isLeading: kernel is null);
        var notebook = Notebook.Create(cells.Where(c => c.Kernel != "meta").Select(c => (KernelNames.Normalize(c.Kernel), c.Source)), kernelInfo?.DeepClone() as JsonObject, path);
        return new Notebook(notebook.Root, NotebookFormat.Dib, notebook.Style, path);
    }

    private static void AddName(HashSet<string> kernels, string? name)
    {
        if (!string.IsNullOrWhiteSpace(name))
        {
            kernels.Add(name);
        }
    }

    private static string? ReadMeta(string[] lines, string path)
    {
        var start = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (start < 0 || lines[start].TrimEnd() != "#!meta")
        {
            return null;
        }

        var end = Array.FindIndex(lines, start + 1, l => l.StartsWith("#!", StringComparison.Ordinal));
        var meta = string.Join("\n", lines[(start + 1)..(end < 0 ? lines.Length : end)]).Trim();
        if (meta.Length == 0)
        {
            throw new NotebookFormatException(path, "the #!meta block is empty");
        }

        return meta;
    }

    private static string? SeparatorName(string line, HashSet<string> kernels)
    {
        if (!line.StartsWith("#!", StringComparison.Ordinal))
        {
            return null;
        }

        var name = line[2..].Trim();
        return name.Length > 0 && !name.Contains(' ', StringComparison.Ordinal) && kernels.Contains(name) ? name : null;
    }

    private static void Flush(List<(string, string)> cells, string kernel, List<string> body, bool isLeading)
    {
        var first = body.FindIndex(l => l.Trim().Length > 0);
        if (first < 0)
        {
            return;
        }

        var last = body.FindLastIndex(l => l.Trim().Length > 0);
        var source = string.Join("\n", body.GetRange(first, last - first + 1));
        if (isLeading && kernel == "meta")
        {
            return;
        }

        cells.Add((kernel, source));
    }
}
