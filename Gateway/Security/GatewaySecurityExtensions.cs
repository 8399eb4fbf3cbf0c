namespace Gateway.Security;

/// <summary>Adds the gateway's request hygiene middleware.</summary>
internal static class GatewaySecurityExtensions
{
    /// <summary>Security response headers on everything the gateway returns.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.UseMiddleware<SecurityHeadersMiddleware>();

    /// <summary>Target, header and body-size checks (400, 413, 414, 431).</summary>
    public static IApplicationBuilder UseRequestShapeChecks(this IApplicationBuilder app) => app.UseMiddleware<RequestShapeMiddleware>();

    /// <summary>Drops identity headers a client sent.</summary>
    public static IApplicationBuilder UseSpoofableHeaderRemoval(this IApplicationBuilder app) => app.UseMiddleware<SpoofableHeadersMiddleware>();
}
