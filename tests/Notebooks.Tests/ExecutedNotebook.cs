using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using NotebookRunner.Engine.Execution;
using NotebookRunner.Engine.Formats;

namespace Notebooks.Tests;

/// <summary>
/// A chapter notebook as committed, and the same notebook executed once by the runner's engine: a class
/// fixture, so every assertion of a test class reads the one run.
/// </summary>
public abstract partial class ExecutedNotebook
{
    protected ExecutedNotebook(string fileName)
    {
        FileName = fileName;
        Stored = NotebookReader.Read(RepositoryPaths.Notebook(fileName));
        Result = SharedExecutor.Instance.RunAsync(Stored).GetAwaiter().GetResult();
    }

    public string FileName { get; }

    public Notebook Stored { get; }

    public NotebookRunResult Result { get; }

    public Notebook Executed => Result.Executed;

    /// <summary>Every text an executed cell printed or displayed (streams, text/plain, text/html, errors), in order.</summary>
    public string AllText => string.Join("\n", Executed.Cells.Where(c => c.IsCode).Select(CellText));

    /// <summary>What one executed code cell printed, counting code cells from 1 as the runner does.</summary>
    public string CodeCellText(int number) => CellText(Executed.Cells.Where(c => c.IsCode).ElementAt(number - 1));

    /// <summary>The standard output of all cells, as a student reads it under the cells.</summary>
    public string Stdout => StdoutOf(Executed);

    /// <summary>The standard output of all cells of <paramref name="executed"/>.</summary>
    public static string StdoutOf(Notebook executed) => string.Concat(executed.Cells.SelectMany(c => c.Outputs)
        .Where(o => o.Kind == OutputKind.Stream && o.StreamName == "stdout").Select(o => o.Text));

    /// <summary>What one cell printed, stdout and stderr, in order.</summary>
    public static string Printed(NotebookCell cell) =>
        string.Concat(cell.Outputs.Where(o => o.Kind == OutputKind.Stream).Select(o => o.Text));

    /// <summary>Every gradient-check row displayed: parameter name and whether it passed (✓).</summary>
    public IReadOnlyList<(string Parameter, bool Passed)> CheckRows =>
        CheckRow().Matches(AllText)
            .Select(m => (WebUtility.HtmlDecode(m.Groups["name"].Value), m.Groups["mark"].Value == "✓"))
            .ToList();

    public override string ToString() => FileName;

    private static string CellText(NotebookCell cell)
    {
        var text = new StringBuilder();
        foreach (var output in cell.Outputs)
        {
            switch (output.Kind)
            {
                case OutputKind.Stream:
                    text.Append(output.Text);
                    break;
                case OutputKind.Error:
                    text.Append(output.ErrorName).Append(": ").Append(output.ErrorValue).Append('\n');
                    break;
                default:
                    foreach (var (_, content) in output.Data)
                    {
                        text.Append(content).Append('\n');
                    }

                    break;
            }
        }

        return text.ToString();
    }

    [GeneratedRegex("""<tr[^>]*><td[^>]*>(?<name>[^<]*)</td>.*?<span[^>]*>(?<mark>[✓✗])</span></td></tr>""")]
    private static partial Regex CheckRow();
}
