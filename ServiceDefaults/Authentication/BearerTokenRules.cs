using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace ServiceDefaults.Authentication;

/// <summary>
/// What a bearer token must be beyond a valid signature, issuer and audience (DESIGN §3), for the gateway and every
/// service alike: it names exactly one user in a non-blank <c>sub</c> (else every such caller would share one
/// identity), and its lifetime is stretched by at most <see cref="MaxClockSkew"/>, not the library's five minutes.
/// </summary>
public static class BearerTokenRules
{
    /// <summary>The most a token's <c>exp</c> and <c>nbf</c> are stretched for clocks that disagree.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>Applies the rules to the bearer options (after the configuration has been bound).</summary>
    public static void Apply(JwtBearerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.TokenValidationParameters.ClockSkew = MaxClockSkew;
        options.Events ??= new JwtBearerEvents();
        var validated = options.Events.OnTokenValidated;
        options.Events.OnTokenValidated = async context =>
        {
            await validated(context);
            if (context.Result is null && !NamesOneUser(context.Principal))
            {
                context.Fail("The token names no user: its 'sub' claim is missing, blank or repeated.");
            }
        };
    }

    /// <summary>Whether the principal carries exactly one <c>sub</c>, and it is not blank.</summary>
    public static bool NamesOneUser(ClaimsPrincipal? principal)
    {
        var subjects = principal?.FindAll(AuthenticationExtensions.UserIdClaim).Take(2).ToList() ?? [];
        return subjects is [{ Value: var subject }] && !string.IsNullOrWhiteSpace(subject);
    }
}
