using System.Security.Cryptography;
using HostingIntegrations.DevelopmentTokens;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IntegrationTests.Gateway;

/// <summary>Tokens the development issuer would never mint: expired, without a usable <c>sub</c>, or signed with another key.</summary>
internal static class GatewayTokens
{
    public static string Expired(PlatformFixture platform, string userId)
    {
        var now = DateTime.UtcNow;
        return Create(userId, DevelopmentKey(platform), issuedAt: now.AddHours(-2), expires: now.AddHours(-1));
    }

    /// <summary>A token of the development key that expired <paramref name="ago"/> before now.</summary>
    public static string ExpiredAgo(PlatformFixture platform, string userId, TimeSpan ago)
    {
        var now = DateTime.UtcNow;
        return Create(userId, DevelopmentKey(platform), issuedAt: now.AddHours(-1), expires: now - ago);
    }

    /// <summary>A valid token of the development key whose <c>sub</c> is exactly <paramref name="subject"/> (blank, say).</summary>
    public static string WithSubject(PlatformFixture platform, string subject) =>
        Create(subject, DevelopmentKey(platform), issuedAt: DateTime.UtcNow, expires: DateTime.UtcNow.AddHours(1));

    public static string SignedWithAnotherKey(string userId) =>
        Create(userId, RandomNumberGenerator.GetBytes(32), issuedAt: DateTime.UtcNow, expires: DateTime.UtcNow.AddHours(1));

    private static byte[] DevelopmentKey(PlatformFixture platform) =>
        Convert.FromBase64String(File.ReadAllText(platform.App.TokenIssuer().KeyFile).Trim());

    private static string Create(string userId, byte[] key, DateTime issuedAt, DateTime expires) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = DevelopmentTokenIssuerResource.Issuer,
            Audience = DevelopmentTokenIssuerResource.Audience,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = expires,
            Claims = new Dictionary<string, object> { ["sub"] = userId },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
        });
}
