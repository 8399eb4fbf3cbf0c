using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HostingIntegrations.DevelopmentTokens;

/// <summary>
/// Signs development JWTs with a key kept in a git-ignored file, and hands services the standard
/// <c>Authentication:Schemes:Bearer</c> settings that validate them (the shape <c>dotnet user-jwts</c> writes).
/// Deployed, the same section points at the real issuer (a Cognito user pool) instead.
/// </summary>
public sealed class DevelopmentTokenIssuerResource(string name, string keyFile) : Resource(name)
{
    /// <summary>The <c>iss</c> of every development token.</summary>
    public const string Issuer = "cart-platform-dev";

    /// <summary>The <c>aud</c> of every development token.</summary>
    public const string Audience = "cart-platform";

    /// <summary>The file that holds the base64 signing key (created on first use).</summary>
    public string KeyFile { get; } = keyFile;

    /// <summary>Published only: the issuer's authority URL (for Cognito, <c>https://cognito-idp.&lt;region&gt;.amazonaws.com/&lt;poolId&gt;</c>).</summary>
    public ParameterResource? Authority { get; internal set; }

    /// <summary>Published only: the app client whose access tokens services accept (Cognito's <c>client_id</c>; no audience).</summary>
    public ParameterResource? ClientId { get; internal set; }

    /// <summary>A token whose subject is <paramref name="userId"/>, valid from <paramref name="now"/> for <paramref name="lifetime"/>.</summary>
    public string MintToken(string userId, DateTimeOffset now, TimeSpan lifetime, string audience = Audience, string issuer = Issuer)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.Add(lifetime).UtcDateTime,
            Claims = new Dictionary<string, object> { ["sub"] = userId, ["jti"] = Guid.NewGuid().ToString("N") },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(SigningKey()), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>The signing key as services are given it (base64).</summary>
    public string SigningKeyBase64() => Convert.ToBase64String(SigningKey());

    /// <summary>Created on first use (256 random bits), then reused, so tokens survive AppHost restarts.</summary>
    private byte[] SigningKey()
    {
        if (!File.Exists(KeyFile))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(KeyFile)!);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            try
            {
                using var writer = new StreamWriter(KeyFile, options);
                writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            }
            catch (IOException) when (File.Exists(KeyFile))
            {
                // Another process created it first: use theirs.
            }
        }

        return Convert.FromBase64String(File.ReadAllText(KeyFile).Trim());
    }
}
