using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NotebookRunner.Engine.Formats;
using NotebookRunner.Tests.Support;

namespace NotebookRunner.Tests;

/// <summary>Reading and writing a notebook changes nothing: not a byte for an unchanged file.</summary>
public sealed class RoundTripTests
{
    [Theory]
    [InlineData("roundtrip/vscode.ipynb")]
    [InlineData("roundtrip/jupyter.ipynb")]
    [InlineData("charts/charts.ipynb")]
    [InlineData("rules/display.ipynb")]
    public void An_unchanged_notebook_is_written_back_byte_identical(string fixture)
    {
        var bytes = File.ReadAllBytes(Fixtures.PathOf(fixture));
        var notebook = NotebookReader.Parse(bytes, fixture);
        Assert.Equal(Encoding.UTF8.GetString(bytes), Encoding.UTF8.GetString(NotebookWriter.ToBytes(notebook)));
    }

    [Fact]
    public void Reading_keeps_ids_unknown_metadata_key_order_and_both_source_forms()
    {
        var notebook = NotebookReader.Read(Fixtures.PathOf("roundtrip/vscode.ipynb"));
        Assert.Equal(["a1b2c3d4", "e5f6a7b8", "c9d0e1f2"], notebook.Cells.Select(c => c.Id));
        Assert.Equal(["zeta", "alpha"], notebook.Cells[0].Json["metadata"]!.AsObject().Select(p => p.Key));
        Assert.Equal("survives", (string?)notebook.Root["metadata"]!["unknown_tool"]!["setting"]);
        Assert.Equal("raw cell as one string", notebook.Cells[2].Source);
        Assert.Equal("# Ünïcödé ✓ 😀 — <tags> & \"quotes\"\n\ttab and \u001b escape", notebook.Cells[0].Source);
        Assert.Equal(3, notebook.Cells[1].ExecutionCount);
        Assert.Equal([OutputKind.DisplayData, OutputKind.Stream, OutputKind.ExecuteResult], notebook.Cells[1].Outputs.Select(o => o.Kind));
    }

    [Fact]
    public void Write_read_gives_the_same_document_when_outputs_are_replaced()
    {
        var notebook = NotebookReader.Read(Fixtures.PathOf("roundtrip/vscode.ipynb"));
        notebook.Cells[1].SetOutputs([CellOutput.Stream("stdout", "a\nb\n"), CellOutput.Error("E", "v", ["E: v"])]);
        var written = NotebookWriter.ToBytes(notebook);
        var again = NotebookReader.Parse(written, "again.ipynb");
        Assert.Equal(written, NotebookWriter.ToBytes(again));
        Assert.Equal("a\nb\n", again.Cells[1].Outputs[0].Text);
        Assert.Contains("\"text\": [\n      \"a\\n\",\n      \"b\\n\"\n     ]", Encoding.UTF8.GetString(written), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Running_a_notebook_changes_only_outputs_and_execution_counts()
    {
        var stored = NotebookReader.Read(Fixtures.PathOf("roundtrip/vscode.ipynb"));
        var result = await new NotebookRunner.Engine.Execution.NotebookExecutor(NotebookRunner.Engine.Execution.ExecutionSettings.Default).RunAsync(stored);
        var executed = result.Executed;
        Assert.NotEqual(stored.ToJson(), executed.ToJson());
        foreach (var notebook in new[] { stored, executed })
        {
            foreach (var cell in notebook.Cells.Where(c => c.IsCode))
            {
                cell.Json["outputs"] = new System.Text.Json.Nodes.JsonArray();
                cell.Json["execution_count"] = null;
            }
        }

        Assert.Equal(stored.ToJson(), executed.ToJson());
    }

    /// <summary>
    /// Any notebook made of well-formed text survives write/read: same cells, kinds and sources, and the same bytes
    /// when written again. (Lone UTF-16 surrogates are left out: UTF-8 JSON files cannot carry them as text.)
    /// </summary>
    [Property(MaxTest = 300)]
    public Property Random_notebooks_survive_a_write_read_round_trip() =>
        Prop.ForAll(Generator().ToArbitrary(), cells =>
        {
            var notebook = Notebook.Create(cells.Select(c => (c.Code ? "csharp" : "markdown", c.Source)));
            foreach (var (cell, (_, _, metadata)) in notebook.Cells.Zip(cells))
            {
                foreach (var (key, value) in metadata)
                {
                    cell.Json["metadata"]!.AsObject()[key] = value;
                }
            }

            var bytes = NotebookWriter.ToBytes(notebook);
            var read = NotebookReader.Parse(bytes, "random.ipynb");
            return read.Cells.Select(c => (c.IsCode, c.Source)).SequenceEqual(cells.Select(c => (c.Code, c.Source)))
                   && read.Cells.Zip(cells).All(p => p.First.Json["metadata"]!.AsObject().Select(m => m.Key).TakeLast(p.Second.Metadata.Length)
                       .SequenceEqual(p.Second.Metadata.Select(m => m.Key)))
                   && NotebookWriter.ToBytes(read).AsSpan().SequenceEqual(bytes);
        });

    /// <summary>Cells: code or markdown, any source, and metadata entries with distinct keys in random order.</summary>
    private static Gen<(bool Code, string Source, (string Key, string Value)[] Metadata)[]> Generator()
    {
        var text = ArbMap.Default.GeneratorFor<string>()
            .Select(s => s ?? "")
            .Where(s => !HasLoneSurrogate(s));
        var metadata = Gen.Zip(text, text).ArrayOf()
            .Select(entries => entries.Select(e => (Key: "k" + e.Item1, Value: e.Item2)).DistinctBy(e => e.Key)
                .Where(e => e.Key is not ("kdotnet_interactive" or "kpolyglot_notebook")).ToArray());
        var cell = Gen.Zip(Gen.Zip(ArbMap.Default.GeneratorFor<bool>(), text), metadata)
            .Select(t => (t.Item1.Item1, t.Item1.Item2, t.Item2));
        return cell.ArrayOf();
    }

    private static bool HasLoneSurrogate(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(s[i]))
            {
                return true;
            }
        }

        return false;
    }
}
