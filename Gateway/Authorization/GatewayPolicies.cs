using Microsoft.AspNetCore.Authorization;
using Microsoft.Net.Http.Headers;

namespace Gateway.Authorization;

/// <summary>The authorization policies YARP routes name in their <c>AuthorizationPolicy</c>.</summary>
internal static class GatewayPolicies
{
    /// <summary>A validated bearer token is required (401 without one).</summary>
    public const string SignedIn = "signed-in";

    /// <summary>
    /// Guests are welcome, but a request that carries an <c>Authorization</c> header must carry a valid token:
    /// an expired or forged token is a 401, not a silent downgrade to a guest who then sees another cart.
    /// </summary>
    public const string GuestOrSignedIn = "guest-or-signed-in";

    public static void AddGatewayPolicies(this IHostApplicationBuilder builder) =>
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(SignedIn, policy => policy.RequireAuthenticatedUser().RequireClaim(AuthenticationExtensions.UserIdClaim))
            .AddPolicy(GuestOrSignedIn, policy => policy.RequireAssertion(context =>
                context.User.Identity?.IsAuthenticated == true
                || context.Resource is HttpContext { Request.Headers: var headers } && !headers.ContainsKey(HeaderNames.Authorization)));
}
