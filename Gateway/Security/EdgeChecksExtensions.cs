namespace Gateway.Security;

/// <summary>
/// The gateway's first middleware: security headers on everything it returns, then the request shape checks.
/// A startup filter puts them ahead of every other one, ServiceDefaults' request id included (startup filters
/// run in the order they are registered, so <see cref="AddEdgeChecks"/> comes before <c>AddServiceDefaults</c>):
/// the request id middleware replaces an oversized <c>X-Request-Id</c>, which would hide it from the header limits.
/// </summary>
internal static class EdgeChecksExtensions
{
    public static void AddEdgeChecks(this IHostApplicationBuilder builder) =>
        builder.Services.AddTransient<IStartupFilter, EdgeChecksStartupFilter>();

    /// <summary>Drops identity headers a client sent.</summary>
    public static IApplicationBuilder UseSpoofableHeaderRemoval(this IApplicationBuilder app) => app.UseMiddleware<SpoofableHeadersMiddleware>();

    private sealed class EdgeChecksStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseMiddleware<SecurityHeadersMiddleware>();
            app.UseMiddleware<RequestShapeMiddleware>();
            next(app);
        };
    }
}
