using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace ServiceDefaults.Authentication;

/// <summary>
/// Cognito mode, on when <c>Authentication:Schemes:Bearer:ValidClientIds</c> lists the user pool's app clients. A
/// Cognito access token has no <c>aud</c>: it says whom it was issued to in <c>client_id</c> and what it is in
/// <c>token_use</c>. So the audience check gives way to these two: an access token (an id token is no API credential)
/// of one of the configured clients. Without client ids (the development issuer) nothing changes: its tokens carry
/// the audience, which stays validated.
/// </summary>
public static class CognitoAccessTokens
{
    /// <summary>The configuration key of the app client ids (an array).</summary>
    public const string ClientIdsKey = "Authentication:Schemes:Bearer:ValidClientIds";

    public const string TokenUseClaim = "token_use";

    public const string ClientIdClaim = "client_id";

    /// <summary>Applies the Cognito rules to the bearer options when <paramref name="clientIds"/> is not empty.</summary>
    public static void Apply(JwtBearerOptions options, IReadOnlyCollection<string> clientIds)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (clientIds.Count == 0)
        {
            return;
        }

        var allowed = clientIds.ToHashSet(StringComparer.Ordinal);
        options.TokenValidationParameters.ValidateAudience = false;
        options.Events ??= new JwtBearerEvents();
        var validated = options.Events.OnTokenValidated;
        options.Events.OnTokenValidated = async context =>
        {
            await validated(context);
            if (context.Result is null && Refusal(context.Principal, allowed) is { } reason)
            {
                context.Fail(reason);
            }
        };
    }

    /// <summary>Why a validated token is no access token of an allowed client, or null when it is one.</summary>
    public static string? Refusal(ClaimsPrincipal? principal, IReadOnlySet<string> clientIds)
    {
        if (principal?.FindFirstValue(TokenUseClaim) != "access")
        {
            return "The token is not a Cognito access token: its 'token_use' is not 'access'.";
        }

        return principal.FindFirstValue(ClientIdClaim) is { } clientId && clientIds.Contains(clientId)
            ? null
            : "The token was issued to no client this service trusts ('client_id').";
    }
}
