using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ServiceDefaults.Authentication;

/// <summary>
/// Authentication for the requests that can be authenticated. The only scheme is JWT bearer, and it reads nothing but
/// the <c>Authorization</c> header: without one its handler can only answer "no result" and leave the user anonymous,
/// which is what the user already is. So the authentication middleware runs only for requests with the header; a guest
/// request skips building the handler, its events and the authentication features (about 5 % of the gateway's CPU per
/// cached read, 1.9 % of Cart.Api's). A challenge (the 401 of a signed-in route without a token) still goes to the
/// bearer handler, which the authentication service builds on demand.
/// </summary>
public static class BearerAuthenticationExtensions
{
    /// <summary>
    /// The key <c>UseAuthentication</c> sets on the builder it is called on. <c>WebApplication</c> looks for it on the
    /// application's own builder and, when it is missing, adds the authentication middleware in front of the pipeline
    /// for every request. A <c>UseWhen</c> branch is a new builder whose properties do not flow back, so the key is set
    /// here; <c>BearerAuthenticationTests</c> fails if that stops being what keeps the middleware out.
    /// </summary>
    private const string AuthenticationMiddlewareSetKey = "__AuthenticationMiddlewareSet";

    /// <summary>Whether the request presents no credential at all (authentication has nothing to check).</summary>
    public static bool PresentsNoCredential(this HttpRequest request) => !request.Headers.ContainsKey(HeaderNames.Authorization);

    /// <summary>Adds the authentication middleware for requests that carry an <c>Authorization</c> header.</summary>
    public static IApplicationBuilder UseBearerAuthentication(this IApplicationBuilder app)
    {
        app.UseWhen(context => !context.Request.PresentsNoCredential(), branch => branch.UseAuthentication());
        app.Properties[AuthenticationMiddlewareSetKey] = true;
        return app;
    }
}
