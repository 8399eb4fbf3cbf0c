using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HostingIntegrations.Replicas;

/// <summary>What the dashboard shows for a replica set, derived from its replicas' snapshots (null: not seen yet).</summary>
public static class ReplicaSetStatus
{
    /// <summary>The property that counts healthy replicas.</summary>
    public const string PropertyName = "replicas";

    /// <summary>
    /// The set is Running while any replica runs; before any does it shows the first known replica state
    /// (Waiting, Starting, …), and once none runs, that of the first replica.
    /// </summary>
    public static CustomResourceSnapshot Apply(CustomResourceSnapshot set, IReadOnlyList<CustomResourceSnapshot?> replicas)
    {
        var running = replicas.Count(r => r?.State?.Text == KnownResourceStates.Running);
        var state = running > 0
            ? new ResourceStateSnapshot(KnownResourceStates.Running, KnownResourceStateStyles.Success)
            : replicas.FirstOrDefault(r => r?.State is not null)?.State ?? new ResourceStateSnapshot(KnownResourceStates.Starting, KnownResourceStateStyles.Info);

        return set with
        {
            State = state,
            Properties = [.. set.Properties.Where(p => p.Name != PropertyName), new(PropertyName, Describe(replicas))],
        };
    }

    /// <summary>Healthy when every replica is; the description counts them.</summary>
    public static HealthCheckResult Health(IReadOnlyList<CustomResourceSnapshot?> replicas)
    {
        var description = Describe(replicas);
        return replicas.All(r => r?.HealthStatus == HealthStatus.Healthy)
            ? HealthCheckResult.Healthy(description)
            : HealthCheckResult.Unhealthy(description);
    }

    private static string Describe(IReadOnlyList<CustomResourceSnapshot?> replicas) =>
        $"{replicas.Count(r => r?.HealthStatus == HealthStatus.Healthy)} of {replicas.Count} healthy";
}
