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

public sealed class BearerTokenRulesTests
{
    private static readonly SymmetricSecurityKey Key = new(new byte[32]);

    // The bearer options exactly as the gateway and the services build them.
    private static JwtBearerOptions ServiceOptions()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.AddDefaultAuthentication();
        using var app = builder.Build();
        return app.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
    }

    private static async Task<bool> AcceptsTokenExpiredAgoAsync(TimeSpan ago)
    {
        var parameters = ServiceOptions().TokenValidationParameters.Clone();
        (parameters.ValidateIssuer, parameters.ValidateAudience, parameters.IssuerSigningKey) = (false, false, Key);
        var now = DateTime.UtcNow;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            IssuedAt = now.AddHours(-1),
            NotBefore = now.AddHours(-1),
            Expires = now - ago,
            Claims = new Dictionary<string, object> { ["sub"] = "user-1" },
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        });
        return (await new JsonWebTokenHandler().ValidateTokenAsync(token, parameters)).IsValid;
    }

    private static async Task<bool> ValidatedAsync(params Claim[] claims)
    {
        var options = ServiceOptions();
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
    public async Task A_token_expired_a_minute_ago_is_refused() =>
        Assert.False(await AcceptsTokenExpiredAgoAsync(TimeSpan.FromSeconds(60)));

    [Fact]
    public async Task A_token_expired_ten_seconds_ago_is_within_the_30_second_clock_skew() =>
        Assert.True(await AcceptsTokenExpiredAgoAsync(TimeSpan.FromSeconds(10)));

    [Fact]
    public async Task A_token_naming_one_user_is_accepted() =>
        Assert.True(await ValidatedAsync(new Claim("sub", "user-1")));

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t")]
    public async Task A_token_whose_sub_is_blank_is_refused(string subject) =>
        Assert.False(await ValidatedAsync(new Claim("sub", subject)));

    [Fact]
    public async Task A_token_without_a_sub_or_with_two_is_refused()
    {
        Assert.False(await ValidatedAsync(new Claim("email", "a@example.com")));
        Assert.False(await ValidatedAsync(new Claim("sub", "user-1"), new Claim("sub", "user-2")));
    }
}
