using ServiceDefaults.Hosting;
using ServiceDefaults.Telemetry;

namespace ServiceDefaults;

/// <summary>The defaults every service starts from: telemetry, health, discovery, resilience.</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Path of the readiness endpoint (all health checks); the orchestrator waits on it.</summary>
    public const string HealthEndpointPath = "/health";

    /// <summary>Path of the liveness endpoint (only checks tagged <c>live</c>).</summary>
    public const string AlivenessEndpointPath = "/alive";

    /// <summary>Adds OpenTelemetry, default health checks, service discovery and standard HTTP resilience.</summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.TryAddSingleton(TimeProvider.System);

        builder.ConfigureOpenTelemetry();
        // The standard resilience handler wraps every HttpClient, the OTLP exporter's too: one "Execution attempt"
        // line per export at Information is noise; retries and failures still log as warnings.
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        builder.AddDefaultHealthChecks();
        builder.AddRequestCorrelation();
        builder.AddListenBacklog();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        return builder;
    }

    /// <summary>Adds the <c>self</c> liveness check; dependency checks are added by the client registrations.</summary>
    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [HealthTags.Live]);

        return builder;
    }

    /// <summary>Maps <c>/health</c> (every check) and <c>/alive</c> (live checks) in all environments.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // Mapped in every environment: the orchestrator (and a load balancer in production) probes them.
        app.MapHealthChecks(HealthEndpointPath);
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(HealthTags.Live),
        });

        return app;
    }
}
