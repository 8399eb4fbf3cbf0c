namespace Canary.Extensions;

internal static class Extensions
{
    /// <summary>The canary's options, metrics, run history and its health check, the gateway client and the loop that walks it.</summary>
    public static void AddCanary(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CanaryOptions>().BindConfiguration(CanaryOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<CanaryOptions>, CanaryOptionsValidator>();

        builder.Services.AddSingleton<CanaryMetrics>();
        builder.Services.AddSingleton<CanaryRunHistory>();
        builder.Services.AddHealthChecks().AddCheck<CanaryHealthCheck>("canary");

        // Service discovery (ServiceDefaults) resolves http://gateway; the standard resilience handler retries a failed
        // attempt with the same Idempotency-Key, as a storefront would, so the canary sees what a retrying shopper sees.
        builder.Services.AddHttpClient<GatewayShopper>((services, client) =>
            client.BaseAddress = services.GetRequiredService<IOptions<CanaryOptions>>().Value.Gateway);
        builder.Services.AddHostedService<CanaryWorker>();
    }
}
