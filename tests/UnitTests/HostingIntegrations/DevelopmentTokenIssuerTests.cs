using HostingIntegrations.DevelopmentTokens;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace UnitTests.HostingIntegrations;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes
public sealed class DevelopmentTokenIssuerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("token-issuer-").FullName;

    private string KeyFile => Path.Combine(_directory, ".dev", "jwt-signing-key");

    [Fact]
    public async Task A_token_carries_the_user_as_subject_and_validates_with_the_key_services_are_given()
    {
        var issuer = new DevelopmentTokenIssuerResource("identity", KeyFile);
        var now = DateTimeOffset.UtcNow;

        var token = issuer.MintToken("user-1", now, TimeSpan.FromMinutes(5));

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = DevelopmentTokenIssuerResource.Issuer,
            ValidAudience = DevelopmentTokenIssuerResource.Audience,
            IssuerSigningKey = new SymmetricSecurityKey(Convert.FromBase64String(issuer.SigningKeyBase64())),
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("user-1", result.Claims["sub"]);
        Assert.Equal(now.AddMinutes(5).ToUnixTimeSeconds(), ((JsonWebToken)result.SecurityToken).ValidTo.Subtract(DateTime.UnixEpoch).TotalSeconds, precision: 0);
    }

    [Fact]
    public void The_key_is_created_once_readable_by_its_owner_alone_and_reused_by_every_issuer()
    {
        var first = new DevelopmentTokenIssuerResource("identity", KeyFile).SigningKeyBase64();
        var second = new DevelopmentTokenIssuerResource("identity", KeyFile).SigningKeyBase64();

        Assert.Equal(first, second);
        Assert.Equal(32, Convert.FromBase64String(first).Length);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
    }

    [Fact]
    public void A_blank_user_gets_no_token()
    {
        var issuer = new DevelopmentTokenIssuerResource("identity", KeyFile);

        Assert.ThrowsAny<ArgumentException>(() => issuer.MintToken(" ", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
