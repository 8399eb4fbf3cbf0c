using Microsoft.AspNetCore.Authorization;

namespace Gateway.Authorization;

/// <summary>
/// The rule of <see cref="GatewayPolicies.GuestOrSignedIn"/>: a request without an <c>Authorization</c> header is a
/// guest and welcome; one that carries the header must have been authenticated by it — an expired or forged token is a
/// 401, not a silent downgrade to a guest who then sees another cart. The requirement is its own handler.
/// </summary>
internal sealed class GuestOrSignedInRequirement : AuthorizationHandler<GuestOrSignedInRequirement>, IAuthorizationRequirement
{
    public static readonly GuestOrSignedInRequirement Instance = new();

    private GuestOrSignedInRequirement()
    {
    }

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, GuestOrSignedInRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true || context.Resource is HttpContext http && http.Request.PresentsNoCredential())
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
