using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orchestration.Hosting;

/// <summary>Writes the app model as an Aspire deployment manifest (schema aspire-8.0), for azd and other deployers.</summary>
public static class ManifestPublisher
{
    public const string Schema = "https://json.schemastore.org/aspire-8.0.json";

    public static JsonObject Build(IEnumerable<IResource> resources, string manifestDirectory)
    {
        var context = new ManifestContext(manifestDirectory);
        var entries = new JsonObject();
        foreach (var resource in resources.OfType<IManifestResource>())
        {
            entries[resource.Name] = resource.ToManifest(context);
        }

        return new JsonObject { ["$schema"] = Schema, ["resources"] = entries };
    }

    public static async Task<string> WriteAsync(IEnumerable<IResource> resources, string outputPath, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(outputPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var manifest = Build(resources, Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + Environment.NewLine, cancellationToken);
        return path;
    }
}
