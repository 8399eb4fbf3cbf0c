using DynamoDbStreams.Processing;

namespace Events.Worker.Streams;

/// <summary>Unhealthy when the Streams API has not answered recently (discovery asks every few seconds).</summary>
internal sealed class StreamsReadHealthCheck(ShardProgress progress, IOptions<StreamsWorkerOptions> options, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var window = options.Value.DiscoveryInterval * 5 + TimeSpan.FromSeconds(5);
        var last = progress.LastStreamsSuccess;
        var data = new Dictionary<string, object>(progress.LagSeconds.ToDictionary(p => $"lag:{p.Key}", p => (object)p.Value), StringComparer.Ordinal);
        if (last is null)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The streams have not been read yet." + Error(), data: data));
        }

        return Task.FromResult(time.GetUtcNow() - last.Value <= window
            ? HealthCheckResult.Healthy($"Streams read {(time.GetUtcNow() - last.Value).TotalSeconds:0.0} s ago.", data)
            : HealthCheckResult.Unhealthy($"The streams have not been readable since {last.Value:O}." + Error(), data: data));
    }

    private string Error() => progress.LastError is { } error ? $" Last error: {error}" : string.Empty;
}
