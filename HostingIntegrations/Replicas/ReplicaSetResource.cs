using System.Collections.Concurrent;

namespace HostingIntegrations.Replicas;

/// <summary>
/// N copies of one service, each a resource of its own with its own endpoint, that clients balance themselves
/// (the gateway's YARP, with passive health per replica) instead of through DCP's proxy. Referencing the set gives
/// <c>services__{name}__{endpoint}__{i}</c> for every replica, so <c>http://{name}</c> resolves to all of them.
/// </summary>
public sealed class ReplicaSetResource(string name) : Resource(name)
{
    private readonly List<IResourceBuilder<IResourceWithEndpoints>> _replicas = [];
    private readonly ConcurrentDictionary<string, CustomResourceSnapshot> _latest = new();

    /// <summary>The replicas, in order (<c>{name}-0</c>, <c>{name}-1</c>, …; published, the one resource named <c>{name}</c>).</summary>
    public IReadOnlyList<IResourceBuilder<IResourceWithEndpoints>> Replicas => _replicas;

    /// <summary>The last snapshot seen of each replica, in order (null: none seen yet).</summary>
    public IReadOnlyList<CustomResourceSnapshot?> ReplicaSnapshots => [.. _replicas.Select(r => _latest.GetValueOrDefault(r.Resource.Name))];

    internal void Add(IResourceBuilder<IResourceWithEndpoints> replica) => _replicas.Add(replica);

    internal bool Observe(ResourceEvent change)
    {
        if (!_replicas.Any(r => ReferenceEquals(r.Resource, change.Resource)))
        {
            return false;
        }

        _latest[change.Resource.Name] = change.Snapshot;
        return true;
    }
}
