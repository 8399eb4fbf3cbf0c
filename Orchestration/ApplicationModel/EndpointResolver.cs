namespace Orchestration.ApplicationModel;

/// <summary>Looks up the allocated endpoints of every replica of a resource.</summary>
public sealed class EndpointResolver(IReadOnlyDictionary<IResource, IReadOnlyList<ResourceReplica>> replicas)
{
    public IReadOnlyList<ResourceReplica> ReplicasOf(IResource resource) =>
        replicas.TryGetValue(resource, out var list) ? list : [];

    public AllocatedEndpoint Primary(IResource resource, string endpointName = "http") =>
        ReplicasOf(resource).FirstOrDefault()?.GetEndpoint(endpointName)
        ?? throw new InvalidOperationException($"Resource '{resource.Name}' has no replicas.");
}
