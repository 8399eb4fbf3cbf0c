using DynamoDbStreams.Processing;

namespace Events.Worker.Streams;

/// <summary>
/// Liveness (tagged <c>live</c>: <c>/alive</c> and the deployed container's health check run it): unhealthy once the
/// worker's loop, or the consumer of a shard it holds, has not turned for <see cref="StalledAfter"/>. Each turns every
/// second or so whatever its dependencies do — a failed cycle or batch is logged and tried again after a pause, and
/// every call it makes ends within its client's timeout — so a part that stands still that long is wedged, which only a
/// new process cures. A dependency's outage stays on <c>/health</c> (<see cref="StreamsReadHealthCheck"/>), where it
/// takes the worker out of readiness without getting it replaced.
/// </summary>
internal sealed class StreamsTurningHealthCheck(ShardProgress progress, TimeProvider time) : IHealthCheck
{
    /// <summary>Far beyond a cycle's or a batch's longest legitimate wait (calls retried by their clients, a pause after a failure).</summary>
    public static readonly TimeSpan StalledAfter = TimeSpan.FromMinutes(2);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (part, since) = progress.Stillest();
        var still = time.GetUtcNow() - since;
        return Task.FromResult(still <= StalledAfter
            ? HealthCheckResult.Healthy($"Every part turned within the last {still.TotalSeconds:0.0} s.")
            : HealthCheckResult.Unhealthy($"{part} has not turned since {since:O} ({still.TotalSeconds:0} s)."));
    }
}
