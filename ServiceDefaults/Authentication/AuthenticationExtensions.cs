using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace ServiceDefaults.Authentication;

/// <summary>
/// JWT bearer authentication configured once for every service, entirely from the standard
/// <c>Authentication:Schemes:Bearer</c> section: locally the AppHost's development signing key
/// (<c>SigningKeys</c>, <c>ValidIssuer</c>, <c>ValidAudiences</c>), in production a Cognito user pool
/// (<c>Authority=https://cognito-idp.&lt;region&gt;.amazonaws.com/&lt;poolId&gt;</c> and <c>ValidClientIds</c>, checked by
/// <see cref="CognitoAccessTokens"/> in place of an audience). <see cref="BearerTokenRules"/> adds what every token must
/// also be: a non-blank <c>sub</c>, at most 30 s of clock skew. <see cref="ConfiguredSigningKeys"/> reads configured
/// signing keys once instead of on every request.
/// </summary>
public static class AuthenticationExtensions
{
    /// <summary>The claim that carries the user id (<c>sub</c>, as Cognito and our development tokens issue it).</summary>
    public const string UserIdClaim = "sub";

    public static TBuilder AddDefaultAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var configuration = builder.Configuration;
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                // Keep claim names as issued ("sub", "client_id"), not remapped to long WS-* URIs.
                options.MapInboundClaims = false;
                options.TokenValidationParameters.NameClaimType = UserIdClaim;
                BearerTokenRules.Apply(options);
                CognitoAccessTokens.Apply(options, configuration.GetSection(CognitoAccessTokens.ClientIdsKey).Get<string[]>() ?? []);
            });
        builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, ConfiguredSigningKeys.ReadOnce);
        builder.Services.AddAuthorization();
        return builder;
    }

    /// <summary>The signed-in user's id, from a validated token only — never from a header a client could send.</summary>
    public static string? GetUserId(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(UserIdClaim) : null;
}
