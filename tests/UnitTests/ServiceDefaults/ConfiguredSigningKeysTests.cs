using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using ServiceDefaults.Authentication;

namespace UnitTests.ServiceDefaults;

/// <summary>
/// Signing keys given in configuration (the development issuer's) are read once: every token's signature is checked
/// against the same key objects, not against keys read and decoded again for each request.
/// </summary>
public sealed class ConfiguredSigningKeysTests
{
    private const string Issuer = "https://issuer.test";
    private static readonly byte[] KeyBytes = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    [Fact]
    public void Every_enumeration_of_the_configured_keys_gives_the_same_key_objects()
    {
        var parameters = ConfiguredOptions().TokenValidationParameters;

        var first = parameters.IssuerSigningKeys.ToList();
        var second = parameters.IssuerSigningKeys.ToList();

        var key = Assert.IsType<SymmetricSecurityKey>(Assert.Single(first));
        Assert.Equal(KeyBytes, key.Key);
        Assert.Same(key, Assert.Single(second));
    }

    [Fact]
    public void Without_configured_keys_nothing_is_added()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.AddDefaultAuthentication();
        using var app = builder.Build();

        var options = app.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);

        Assert.Empty(options.TokenValidationParameters.IssuerSigningKeys ?? []);
    }

    private static JwtBearerOptions ConfiguredOptions()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration["Authentication:Schemes:Bearer:ValidIssuer"] = Issuer;
        builder.Configuration["Authentication:Schemes:Bearer:SigningKeys:0:Issuer"] = Issuer;
        builder.Configuration["Authentication:Schemes:Bearer:SigningKeys:0:Value"] = Convert.ToBase64String(KeyBytes);
        builder.AddDefaultAuthentication();
        using var app = builder.Build();
        return app.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
    }
}
