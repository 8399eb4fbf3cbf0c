namespace Orchestration.Lifecycle;

/// <summary>The states the dashboard and the console show, as Aspire names them.</summary>
public enum ResourceState
{
    NotStarted,
    Waiting,
    Starting,
    Running,
    Healthy,
    Unhealthy,
    Stopping,
    Finished,
    Exited,
    FailedToStart,
}

public static class ResourceStateExtensions
{
    /// <summary>A state the replica will not leave by itself.</summary>
    public static bool IsTerminal(this ResourceState state) =>
        state is ResourceState.Finished or ResourceState.Exited or ResourceState.FailedToStart;
}

/// <summary>What is known of one replica at one moment.</summary>
public sealed record ReplicaSnapshot(
    string ResourceName,
    string ReplicaName,
    ResourceState State,
    int? ProcessId,
    int? ExitCode,
    DateTimeOffset? StartedAt,
    IReadOnlyList<string> Urls);
