namespace FailFastRedis;

/// <summary>Registers the shared Redis connection through Aspire's client integration, with <see cref="FailFastRedisDefaults"/>.</summary>
public static class FailFastRedisExtensions
{
    /// <summary>
    /// Adds Aspire's <see cref="IConnectionMultiplexer"/> for <c>ConnectionStrings:{connectionName}</c> (with its
    /// <c>StackExchange.Redis</c> health check and tracing of Redis commands) under <see cref="FailFastRedisDefaults"/>
    /// and <see cref="BacklogPolicy.FailFast"/>.
    /// Fails at start-up when no endpoint is configured, rather than on the first Redis call.
    /// </summary>
    public static TBuilder AddFailFastRedisClient<TBuilder>(this TBuilder builder, string connectionName) where TBuilder : IHostApplicationBuilder
    {
        builder.AddRedisClient(connectionName, configureSettings: settings =>
        {
            // Aspire traces Redis commands through StackExchange.Redis profiling sessions: every traced request holds one,
            // and a background flush turns them into spans every 10 s. With no collector nothing reads those spans, and
            // the sessions and flushes cost the cached cart read a quarter of its throughput and triple its jitter
            // (docs/benchmarks.md). So Redis is traced when telemetry is exported (under the dashboard, in production).
            if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            {
                settings.DisableTracing = true;
            }
        },
        configureOptions: options =>
        {
            // Replaces the provider matched from the endpoints: none of the library's own matches redis-server or
            // ElastiCache, and Aspire's only turns abortConnect off, which these defaults do too.
            options.Defaults = new FailFastRedisDefaults();

            // Set, not defaulted: Aspire's configuration binding has already pinned the backlog policy it found.
            // Without a backlog a command sent while Redis is down fails at once instead of queueing.
            options.BacklogPolicy = BacklogPolicy.FailFast;
        });

        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<ConfigurationOptions>>(new RedisEndpointsValidator(connectionName));
        builder.Services.AddOptions<ConfigurationOptions>().ValidateOnStart();

        return builder;
    }
}
