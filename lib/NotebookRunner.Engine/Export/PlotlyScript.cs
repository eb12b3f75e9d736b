using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace NotebookRunner.Engine.Export;

/// <summary>
/// The plotly.js that Plotly.NET ships as the manifest resource "Plotly.NET.plotly-2.28.0.min.js", read straight from
/// the DLL's metadata (the assembly is never loaded, so it cannot clash with a notebook's own Plotly.NET).
/// </summary>
public static class PlotlyScript
{
    private const string ResourceName = "Plotly.NET.plotly-2.28.0.min.js";

    private static readonly Lazy<string> Text = new(Load);

    public static string Source => Text.Value;

    private static string Load()
    {
        // The engine's project file copies the DLL beside the engine.
        var path = Path.Combine(Path.GetDirectoryName(typeof(PlotlyScript).Assembly.Location)!, "plotly", "Plotly.NET.dll");
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (metadata.GetString(resource.Name) != ResourceName)
            {
                continue;
            }

            // Embedded resources live in the CLI header's resources directory, each prefixed by its 32-bit length.
            var directory = pe.PEHeaders.CorHeader!.ResourcesDirectory;
            var section = pe.GetSectionData(directory.RelativeVirtualAddress);
            var reader = section.GetReader((int)resource.Offset, directory.Size - (int)resource.Offset);
            var length = reader.ReadInt32();
            return System.Text.Encoding.UTF8.GetString(reader.ReadBytes(length));
        }

        throw new InvalidOperationException($"{path} has no resource {ResourceName}");
    }
}
