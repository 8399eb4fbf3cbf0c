using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HostingIntegrations.Health;

/// <summary>HTTP health checks that see a starting resource ready as soon as it is.</summary>
public static class ReadinessHealthCheckBuilderExtensions
{
    /// <summary>
    /// Like Aspire's <c>WithHttpHealthCheck</c>, but while the resource starts the check waits for it (see
    /// <see cref="ReadinessHttpHealthCheck"/>), so each <c>WaitFor</c> of the start-up ends when the resource is ready
    /// rather than at Aspire's next poll.
    /// </summary>
    public static IResourceBuilder<T> WithReadinessHealthCheck<T>(this IResourceBuilder<T> builder, string path, int statusCode = 200, string endpointName = "http")
        where T : IResourceWithEndpoints
    {
        var endpoint = builder.Resource.GetEndpoint(endpointName);
        var key = $"{builder.Resource.Name}_{endpointName}_{path}_{statusCode}_ready";
        var state = new ReadinessHttpHealthCheck.State();
        // No request logging: four lines per probe, ten probes a second while a resource starts, would drown the
        // AppHost's own output; what the probes found is the health report.
        builder.ApplicationBuilder.Services.AddHttpClient(key, client => client.Timeout = TimeSpan.FromSeconds(5)).RemoveAllLoggers();
        builder.ApplicationBuilder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            key,
            services => new ReadinessHttpHealthCheck(endpoint, path, statusCode, () => services.GetRequiredService<IHttpClientFactory>().CreateClient(key), state),
            failureStatus: null,
            tags: null));
        return builder.WithHealthCheck(key);
    }
}
