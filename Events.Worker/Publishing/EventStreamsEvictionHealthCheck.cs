namespace Events.Worker.Publishing;

/// <summary>
/// Degraded when the Redis the events go to may evict them. The event streams carry no TTL, so under the platform's
/// policy (<c>volatile-lru</c>: only keys with a TTL — cached carts — are evicted) they stay; under an <c>allkeys-*</c>
/// policy memory pressure evicts a whole stream, and every event its consumers had not read yet is gone.
/// </summary>
/// <remarks>
/// The policy comes from <c>INFO memory</c>, which managed Redis (ElastiCache) answers where <c>CONFIG</c> is disabled.
/// It is asked through a script because StackExchange.Redis sends <c>INFO</c> itself only in admin mode, which the
/// worker's connection has no reason to allow.
/// </remarks>
internal sealed class EventStreamsEvictionHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    private const string ReadMemoryInfo = "return redis.call('INFO', 'memory')";
    private const string PolicyField = "maxmemory_policy:";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        string? policy;
        try
        {
            var memory = (string?)await redis.GetDatabase().ScriptEvaluateAsync(ReadMemoryInfo).WaitAsync(cancellationToken);
            policy = memory?.Split('\n')
                .Select(line => line.TrimEnd('\r'))
                .FirstOrDefault(line => line.StartsWith(PolicyField, StringComparison.Ordinal))?[PolicyField.Length..];
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Could not read Redis's eviction policy.", exception);
        }

        var data = new Dictionary<string, object> { ["maxmemory-policy"] = policy ?? "unknown" };
        if (policy?.StartsWith("allkeys-", StringComparison.Ordinal) == true)
        {
            return new HealthCheckResult(
                context.Registration.FailureStatus,
                $"Redis's maxmemory-policy is {policy}: under memory pressure it evicts the event streams themselves, " +
                "and events not yet read are lost. Run it with volatile-lru (cache entries carry a TTL, the streams none).",
                data: data);
        }

        return HealthCheckResult.Healthy(
            policy is null ? "Redis does not report an eviction policy." : "Redis never evicts the event streams (they carry no TTL).",
            data);
    }
}
