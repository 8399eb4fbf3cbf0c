using Gateway.Proxy;
using Gateway.RateLimiting;
using Gateway.Security;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Yarp.ReverseProxy.Health;

namespace Gateway.Extensions;

internal static class Extensions
{
    /// <summary>
    /// The reverse proxy (routes and clusters from <c>ReverseProxy</c>) over service-discovery destinations,
    /// bearer authentication and route policies, per-client and per-address rate limits, request and server limits, CORS
    /// and the device cookie.
    /// </summary>
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // Service discovery expands http://cart-api into one destination per replica, so load balancing and
        // passive health see each replica on its own.
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver();
        builder.Services.Configure<TransportFailureRateHealthPolicyOptions>(builder.Configuration.GetSection("PassiveHealth"));
        builder.AddValidatedOptions<ProxyRetryOptions, ProxyRetryOptionsValidator>(ProxyRetryOptions.SectionName);
        builder.AddProxyFailureProblems();

        builder.AddDefaultAuthentication();
        builder.AddGatewayPolicies();
        builder.AddClientRateLimiting();
        builder.AddStorefrontCors();

        builder.AddTrustedForwardedHeaders();

        builder.AddValidatedOptions<RequestLimitsOptions, RequestLimitsOptionsValidator>(RequestLimitsOptions.SectionName);
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestLimitsOptions>>((kestrel, limits) => ServerLimits.Apply(kestrel, limits.Value));

        builder.AddValidatedOptions<DeviceCookieOptions, DeviceCookieOptionsValidator>(DeviceCookieOptions.SectionName);
    }

    private static void AddValidatedOptions<TOptions, TValidator>(this IHostApplicationBuilder builder, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        builder.Services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
    }
}
