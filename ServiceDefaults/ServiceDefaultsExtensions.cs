using Microsoft.AspNetCore.Routing;
using ServiceDefaults.Correlation;
using ServiceDefaults.Hosting;

// Aspire's template puts these beside IHostApplicationBuilder, so a service's Program.cs needs no using for them.
namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Aspire's service defaults: OpenTelemetry, health checks and their endpoints, service discovery and standard HTTP
/// resilience — plus what every service of this platform needs at the host level (request ids, the listen backlog).
/// </summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Path of the readiness endpoint (every health check); the orchestrator waits on it.</summary>
    public const string HealthEndpointPath = "/health";

    /// <summary>Path of the liveness endpoint (only checks tagged <c>live</c>).</summary>
    public const string AlivenessEndpointPath = "/alive";

    /// <summary>The tag of the checks <see cref="AlivenessEndpointPath"/> runs: whether the process itself works, never a dependency.</summary>
    public const string LiveTag = "live";

    private static readonly HttpMethodMetadata ProbeMethods = new([HttpMethods.Get]);

    /// <summary>Adds OpenTelemetry, the default health checks, service discovery, standard HTTP resilience, request ids and the listen backlog.</summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.TryAddSingleton(TimeProvider.System);

        builder.ConfigureOpenTelemetry();

        builder.AddDefaultHealthChecks();

        builder.Services.AddServiceDiscovery();

        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        // The standard resilience handler wraps every HttpClient, the OTLP exporter's too: one "Execution attempt"
        // line per export at Information is noise; retries and failures still log as warnings.
        builder.Logging.AddFilter("Polly", LogLevel.Warning);

        builder.AddRequestCorrelation();
        builder.AddListenBacklog();

        return builder;
    }

    /// <summary>Logs, traces and metrics with ASP.NET Core, HttpClient and runtime instrumentation, and the service's own source and meter.</summary>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(builder.Environment.ApplicationName))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsHealthProbe(context.Request.Path))
                .AddHttpClientInstrumentation());

        builder.AddOpenTelemetryExporters();

        return builder;
    }

    /// <summary>Adds ActivitySource and Meter names to export, beyond the service's own.</summary>
    public static TBuilder AddTelemetrySources<TBuilder>(this TBuilder builder, params string[] names) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(names));
        builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(names));
        return builder;
    }

    /// <summary>Adds the <c>self</c> liveness check; client registrations add their dependency checks beside it.</summary>
    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);

        return builder;
    }

    /// <summary>Maps <c>/health</c> (every check) and <c>/alive</c> (live checks) in all environments.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // Unlike the template, mapped in every environment: the orchestrator (and the load balancer in production)
        // probes them. They report a status and nothing else, to GET alone: anything else is a 405 with Allow.
        app.MapHealthChecks(HealthEndpointPath).WithMetadata(ProbeMethods);
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(LiveTag),
        }).WithMetadata(ProbeMethods);

        return app;
    }

    // Aspire's contract: export only when the orchestrator (or the platform) provides a collector.
    private static TBuilder AddOpenTelemetryExporters<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    private static bool IsHealthProbe(PathString path) =>
        path.StartsWithSegments(HealthEndpointPath) || path.StartsWithSegments(AlivenessEndpointPath);
}
