using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Gateway.Authorization;

/// <summary>The authorization policies YARP routes name in their <c>AuthorizationPolicy</c>.</summary>
internal static class GatewayPolicies
{
    /// <summary>A validated bearer token is required (401 without one).</summary>
    public const string SignedIn = "signed-in";

    /// <summary>
    /// Guests are welcome, but a request that carries an <c>Authorization</c> header must carry a valid token
    /// (<see cref="GuestOrSignedInRequirement"/>).
    /// </summary>
    public const string GuestOrSignedIn = "guest-or-signed-in";

    public static void AddGatewayPolicies(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(SignedIn, policy => policy.RequireSignedInUser())
            .AddPolicy(GuestOrSignedIn, policy => policy.AddRequirements(GuestOrSignedInRequirement.Instance));

        // After AddAuthorization registered the default evaluator, so that this one replaces it.
        builder.Services.AddSingleton<IPolicyEvaluator, GuestPolicyEvaluator>();
    }
}
