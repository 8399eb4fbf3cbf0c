namespace ServiceDefaults.Telemetry;

/// <summary>OpenTelemetry logging, tracing and metrics, exported over OTLP when an endpoint is configured.</summary>
public static class OpenTelemetryExtensions
{
    /// <summary>Configures logs, traces and metrics with ASP.NET Core, HttpClient and runtime instrumentation.</summary>
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

        // Aspire's contract: export only when the orchestrator (or the platform) provides a collector.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>Adds ActivitySource and Meter names to export, beyond the defaults.</summary>
    public static TBuilder AddTelemetrySources<TBuilder>(this TBuilder builder, params string[] names) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(names));
        builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(names));
        return builder;
    }

    private static bool IsHealthProbe(PathString path) =>
        path.StartsWithSegments(ServiceDefaultsExtensions.HealthEndpointPath) || path.StartsWithSegments(ServiceDefaultsExtensions.AlivenessEndpointPath);
}
