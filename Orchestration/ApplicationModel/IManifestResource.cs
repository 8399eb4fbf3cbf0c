using System.Text.Json.Nodes;

namespace Orchestration.ApplicationModel;

/// <summary>A resource that can describe itself in an Aspire deployment manifest (<c>aspire-manifest.json</c>).</summary>
public interface IManifestResource : IResource
{
    JsonObject ToManifest(ManifestContext context);
}

/// <summary>What a resource's manifest entry may need: where the manifest is written, and how references are expressed.</summary>
public sealed class ManifestContext(string manifestDirectory)
{
    public string ManifestDirectory { get; } = manifestDirectory;

    /// <summary>The environment a resource receives from its references, as manifest expressions (<c>{redis.connectionString}</c>).</summary>
    public static JsonObject ReferenceEnvironment(IResource resource)
    {
        var environment = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var reference in resource.Annotations.OfType<ReferenceAnnotation>())
        {
            ((IReferenceableResource)reference.Resource).ApplyManifestReference(environment);
        }

        return new JsonObject(environment.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)JsonValue.Create(e.Value))));
    }

    public static JsonObject Binding(string scheme, string transport, int? targetPort = null, bool external = false)
    {
        var binding = new JsonObject { ["scheme"] = scheme, ["protocol"] = "tcp", ["transport"] = transport };
        if (targetPort is { } port)
        {
            binding["targetPort"] = port;
        }

        if (external)
        {
            binding["external"] = true;
        }

        return binding;
    }
}
