using Orchestration.Lifecycle;

namespace Orchestration.Dashboard.Web;

/// <summary>One row of the resources view: a resource with its replicas.</summary>
public sealed record ResourceView(
    string Name, string Type, string State, string Health, DateTimeOffset? StartedAt, int Restarts, IReadOnlyList<string> Urls, IReadOnlyList<ReplicaView> Replicas)
{
    /// <summary>A resource is as well as its worst replica.</summary>
    public static ResourceView Of(IResource resource, IReadOnlyList<ReplicaSnapshot> snapshots, Func<string, IReadOnlyList<EnvironmentVariable>> environment)
    {
        var replicas = snapshots.Select(s => new ReplicaView(
            s.ReplicaName, s.State.ToString(), HealthOf(s.State), s.ProcessId, s.ExitCode, s.StartedAt, s.Urls, environment(s.ReplicaName))).ToArray();
        var state = snapshots.Count == 0 ? ResourceState.NotStarted : snapshots.Select(s => s.State).MaxBy(Severity);
        return new ResourceView(
            resource.Name,
            TypeOf(resource),
            state.ToString(),
            HealthOf(state),
            snapshots.Select(s => s.StartedAt).Where(t => t is not null).Min(),
            Restarts: 0, // the engine does not restart replicas: a crash is reported, not retried
            snapshots.SelectMany(s => s.Urls).ToArray(),
            replicas);
    }

    private static int Severity(ResourceState state) => state switch
    {
        ResourceState.FailedToStart => 9,
        ResourceState.Exited => 8,
        ResourceState.Unhealthy => 7,
        ResourceState.Finished => 6,
        ResourceState.Stopping => 5,
        ResourceState.NotStarted => 4,
        ResourceState.Waiting => 3,
        ResourceState.Starting => 2,
        ResourceState.Running => 1,
        _ => 0,
    };

    private static string HealthOf(ResourceState state) => state switch
    {
        ResourceState.Healthy => "Healthy",
        ResourceState.Unhealthy => "Unhealthy",
        ResourceState.Running or ResourceState.Starting => "Checking",
        _ => "",
    };

    private static string TypeOf(IResource resource) => resource switch
    {
        ProjectResource => "Project",
        DynamoDBLocalResource => "DynamoDB Local",
        RedisResource => "Redis",
        DevelopmentTokenIssuerResource => "Signing key",
        ExecutableResource => "Executable",
        _ => resource.GetType().Name.Replace("Resource", "", StringComparison.Ordinal),
    };
}

public sealed record ReplicaView(
    string Name, string State, string Health, int? ProcessId, int? ExitCode, DateTimeOffset? StartedAt, IReadOnlyList<string> Urls, IReadOnlyList<EnvironmentVariable> Environment);
