namespace Orchestration.ApplicationModel;

/// <summary>What an environment callback sees: the replica being started and the allocated endpoints of the model.</summary>
public sealed class EnvironmentContext(ResourceReplica replica, EndpointResolver endpoints)
{
    public ResourceReplica Replica { get; } = replica;

    public EndpointResolver Endpoints { get; } = endpoints;

    public IDictionary<string, string> Variables { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}

/// <summary>What an arguments callback sees.</summary>
public sealed class ArgumentsContext(ResourceReplica replica, EndpointResolver endpoints)
{
    public ResourceReplica Replica { get; } = replica;

    public EndpointResolver Endpoints { get; } = endpoints;

    public IList<string> Arguments { get; } = [];
}
