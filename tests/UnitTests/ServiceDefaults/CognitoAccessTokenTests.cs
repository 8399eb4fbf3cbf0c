using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ServiceDefaults.Authentication;

namespace UnitTests.ServiceDefaults;

/// <summary>
/// Cognito mode (<c>Authentication:Schemes:Bearer:ValidClientIds</c> set): Cognito access tokens carry <c>client_id</c> and
/// <c>token_use</c>, not <c>aud</c>, so those are what is checked.
/// </summary>
public sealed class CognitoAccessTokenTests
{
    private const string Client = "5hb0k2ctc0nrjd6gfk3r0l0q3m";
    private static readonly SymmetricSecurityKey Key = new(new byte[32]);

    private static JwtBearerOptions Options(params string[] clientIds)
    {
        var builder = WebApplication.CreateSlimBuilder();
        for (var i = 0; i < clientIds.Length; i++)
        {
            builder.Configuration[$"Authentication:Schemes:Bearer:ValidClientIds:{i}"] = clientIds[i];
        }

        builder.AddDefaultAuthentication();
        using var app = builder.Build();
        return app.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
    }

    private static async Task<bool> ValidatedAsync(JwtBearerOptions options, params Claim[] claims)
    {
        var context = new TokenValidatedContext(
            new DefaultHttpContext(),
            new AuthenticationScheme(JwtBearerDefaults.AuthenticationScheme, null, typeof(JwtBearerHandler)),
            options)
        {
            Principal = new ClaimsPrincipal(new ClaimsIdentity(claims, "Bearer")),
        };
        await options.Events.TokenValidated(context);
        return context.Result?.Failure is null;
    }

    [Fact]
    public async Task An_access_token_of_a_configured_client_is_accepted() =>
        Assert.True(await ValidatedAsync(Options(Client), new("sub", "user-1"), new("token_use", "access"), new("client_id", Client)));

    [Fact]
    public async Task An_id_token_is_refused() =>
        Assert.False(await ValidatedAsync(Options(Client), new("sub", "user-1"), new("token_use", "id"), new("client_id", Client)));

    [Fact]
    public async Task An_access_token_of_another_client_or_of_none_is_refused()
    {
        Assert.False(await ValidatedAsync(Options(Client), new("sub", "user-1"), new("token_use", "access"), new("client_id", "another-client")));
        Assert.False(await ValidatedAsync(Options(Client), new("sub", "user-1"), new("token_use", "access")));
    }

    [Fact]
    public async Task A_cognito_access_token_without_an_audience_passes_token_validation()
    {
        var parameters = Options(Client).TokenValidationParameters.Clone();
        (parameters.ValidateIssuer, parameters.IssuerSigningKey) = (false, Key);
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Expires = DateTime.UtcNow.AddMinutes(5),
            Claims = new Dictionary<string, object> { ["sub"] = "user-1", ["token_use"] = "access", ["client_id"] = Client },
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        });

        Assert.True((await new JsonWebTokenHandler().ValidateTokenAsync(token, parameters)).IsValid);
    }

    [Fact]
    public async Task Without_client_ids_the_audience_is_validated_and_token_use_is_not_asked_for()
    {
        // The development issuer's tokens: an audience, no token_use or client_id.
        var options = Options();

        Assert.True(options.TokenValidationParameters.ValidateAudience);
        Assert.True(await ValidatedAsync(options, new Claim("sub", "user-1")));
    }
}
