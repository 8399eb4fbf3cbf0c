using Microsoft.Net.Http.Headers;

namespace Gateway.Security;

/// <summary>
/// Response headers for an API that serves JSON only: nothing may be sniffed, framed, or run as a page,
/// and no referrer leaks. Set when the response starts, so errors and proxied responses get them too.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    /// <summary>No content of ours is ever a document that loads anything or may be framed.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var context = (HttpContext)state;
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = context.GetEndpoint()?.Metadata.GetMetadata<ContentSecurityPolicyMetadata>()?.Policy ?? ContentSecurityPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = "max-age=31536000";
            }

            // What serves the response is nobody's business (services behind us add "Server: Kestrel").
            headers.Remove(HeaderNames.Server);
            return Task.CompletedTask;
        }, context);

        return next(context);
    }
}
