namespace Orchestration.ApplicationModel;

/// <summary>One running copy of a resource, with the ports allocated to it.</summary>
public sealed class ResourceReplica(IResource resource, int index, IReadOnlyDictionary<string, AllocatedEndpoint> endpoints)
{
    public IResource Resource { get; } = resource;

    public int Index { get; } = index;

    /// <summary><c>cart-api-0</c>, <c>cart-api-1</c>; a single-replica resource keeps its plain name.</summary>
    public string Name { get; } = resource.Annotations.OfType<ReplicaAnnotation>().Any() ? $"{resource.Name}-{index}" : resource.Name;

    public IReadOnlyDictionary<string, AllocatedEndpoint> Endpoints { get; } = endpoints;

    public AllocatedEndpoint GetEndpoint(string name = "http") =>
        Endpoints.TryGetValue(name, out var endpoint)
            ? endpoint
            : throw new InvalidOperationException($"Resource '{Resource.Name}' has no endpoint named '{name}'.");
}

/// <summary>An endpoint with its port decided.</summary>
public sealed record AllocatedEndpoint(string Name, string Scheme, string Host, int Port)
{
    public Uri Uri => new($"{Scheme}://{Host}:{Port}");

    public string HostAndPort => $"{Host}:{Port}";

    public override string ToString() => $"{Scheme}://{Host}:{Port}";
}
