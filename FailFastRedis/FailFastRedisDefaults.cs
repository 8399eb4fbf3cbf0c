namespace FailFastRedis;

/// <summary>
/// Redis client defaults with short waits: no abort when the first connect fails (the client keeps reconnecting),
/// a 2 s connect timeout with two retries and 1 s for each command, so a Redis outage costs a caller at most
/// a second before it degrades (the cart cache reads DynamoDB instead; writes still succeed).
/// </summary>
/// <remarks>
/// Defaults, not settings: anything the connection string or <c>Aspire:StackExchange:Redis:ConfigurationOptions</c>
/// sets explicitly wins, as StackExchange.Redis applies a provider only to what is not configured. The command
/// timeout for async calls follows <see cref="SyncTimeout"/> unless <c>asyncTimeout</c> is set.
/// </remarks>
public sealed class FailFastRedisDefaults : DefaultOptionsProvider
{
    public override bool AbortOnConnectFail => false;

    public override TimeSpan? ConnectTimeout => TimeSpan.FromSeconds(2);

    public override int ConnectRetry => 2;

    public override TimeSpan SyncTimeout => TimeSpan.FromSeconds(1);
}
