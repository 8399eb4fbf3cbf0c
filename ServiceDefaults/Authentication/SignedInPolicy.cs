using Microsoft.AspNetCore.Authorization;

namespace ServiceDefaults.Authentication;

/// <summary>The "signed-in" rule, written once for the gateway and the services: a validated token that names a user.</summary>
public static class SignedInPolicy
{
    /// <summary>Requires an authenticated user whose token carries <see cref="AuthenticationExtensions.UserIdClaim"/>.</summary>
    public static AuthorizationPolicyBuilder RequireSignedInUser(this AuthorizationPolicyBuilder policy) =>
        policy.RequireAuthenticatedUser().RequireClaim(AuthenticationExtensions.UserIdClaim);
}
