namespace ServiceDefaults.Redis;

/// <summary>Registers the shared Redis connection and its PING health check.</summary>
public static class RedisClientExtensions
{
    // Applied before the connection string, so anything the connection string sets explicitly wins.
    // Short timeouts and fail-fast: a Redis outage must degrade callers, never hang them.
    private const string Defaults = "abortConnect=false,connectTimeout=2000,syncTimeout=1000,asyncTimeout=1000,connectRetry=2";

    /// <summary>
    /// Adds an <see cref="IConnectionMultiplexer"/> singleton from <c>ConnectionStrings:{connectionName}</c>
    /// and a <c>{connectionName}</c> health check. Fails at start-up when the connection string is missing.
    /// </summary>
    public static TBuilder AddRedisClient<TBuilder>(this TBuilder builder, string connectionName) where TBuilder : IHostApplicationBuilder
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"Redis connection string 'ConnectionStrings:{connectionName}' is missing; set ConnectionStrings__{connectionName}=host:port.");
        }

        builder.Services.TryAddSingleton<IConnectionMultiplexer>(services =>
        {
            var options = ConfigurationOptions.Parse($"{Defaults},{connectionString}");
            options.AbortOnConnectFail = false;
            options.BacklogPolicy = BacklogPolicy.FailFast;
            options.LoggerFactory = services.GetService<ILoggerFactory>();
            return ConnectionMultiplexer.Connect(options);
        });

        builder.Services.AddHealthChecks()
            .AddCheck<RedisHealthCheck>(connectionName, HealthStatus.Unhealthy, timeout: TimeSpan.FromSeconds(3));

        return builder;
    }
}
