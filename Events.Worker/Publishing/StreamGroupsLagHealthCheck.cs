namespace Events.Worker.Publishing;

/// <summary>
/// Degraded when a consumer group of the event streams has lost entries to the streams' cap, or lags close enough to it
/// to lose some soon (<see cref="StreamGroupsVerdict"/>), or when the groups could not be read. Answers from
/// <see cref="StreamGroupsSnapshot"/>, so a probe costs Redis nothing.
/// </summary>
internal sealed class StreamGroupsLagHealthCheck(StreamGroupsSnapshot snapshot, IOptions<EventsOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (snapshot.Latest is not { } sample)
        {
            return Task.FromResult(HealthCheckResult.Healthy("The consumer groups have not been looked at yet."));
        }

        if (sample.Error is { } error)
        {
            return Task.FromResult(new HealthCheckResult(
                context.Registration.FailureStatus, $"Could not read the event streams' consumer groups at {sample.At:O}.", error));
        }

        return Task.FromResult(StreamGroupsVerdict.Assess(sample.Groups, options.Value.MaxStreamLength, context.Registration.FailureStatus));
    }
}
