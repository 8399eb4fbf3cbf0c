using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Orchestration.ApplicationModel;

/// <summary>
/// Signs development JWTs with a key kept in a git-ignored file, and hands services the
/// standard <c>Authentication:Schemes:Bearer</c> settings that validate them (the format
/// <c>dotnet user-jwts</c> uses). In production the same section names a Cognito authority instead.
/// </summary>
public sealed class DevelopmentTokenIssuerResource(string name, string keyFile) : Resource(name), IReferenceableResource, IManifestResource
{
    public const string Issuer = "cart-platform-dev";
    public const string Audience = "cart-platform";

    public string KeyFile { get; } = keyFile;

    public void ApplyReference(EnvironmentContext context)
    {
        const string bearer = "Authentication__Schemes__Bearer__";
        context.Variables[bearer + "ValidIssuer"] = Issuer;
        context.Variables[bearer + "ValidAudiences__0"] = Audience;
        context.Variables[bearer + "SigningKeys__0__Issuer"] = Issuer;
        context.Variables[bearer + "SigningKeys__0__Value"] = Convert.ToBase64String(SigningKey());
    }

    /// <summary>
    /// Deployed, the key is a secret parameter the deployment tool generates; production replaces this block with
    /// <c>Authentication__Schemes__Bearer__Authority</c> pointing at a Cognito user pool.
    /// </summary>
    public void ApplyManifestReference(IDictionary<string, string> environment)
    {
        const string bearer = "Authentication__Schemes__Bearer__";
        environment[bearer + "ValidIssuer"] = Issuer;
        environment[bearer + "ValidAudiences__0"] = Audience;
        environment[bearer + "SigningKeys__0__Issuer"] = Issuer;
        environment[bearer + "SigningKeys__0__Value"] = $"{{{Name}.value}}";
    }

    public System.Text.Json.Nodes.JsonObject ToManifest(ManifestContext context) => new()
    {
        ["type"] = "parameter.v0",
        ["value"] = $"{{{Name}.inputs.value}}",
        ["inputs"] = new System.Text.Json.Nodes.JsonObject
        {
            // 44 letters and digits decode as base64 to a 256-bit HMAC key.
            ["value"] = new System.Text.Json.Nodes.JsonObject
            {
                ["type"] = "string",
                ["secret"] = true,
                ["default"] = new System.Text.Json.Nodes.JsonObject
                {
                    ["generate"] = new System.Text.Json.Nodes.JsonObject { ["minLength"] = 44, ["special"] = false },
                },
            },
        },
    };

    /// <summary>A signed token whose subject is <paramref name="userId"/>.</summary>
    public string MintToken(string userId, DateTimeOffset now, TimeSpan lifetime, string audience = Audience, string issuer = Issuer)
    {
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

    /// <summary>Created on first use (256 random bits), then reused so tokens survive AppHost restarts.</summary>
    private byte[] SigningKey()
    {
        if (!File.Exists(KeyFile))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(KeyFile)!);
            var created = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            try
            {
                using var stream = new FileStream(KeyFile, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.None);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }

                using var writer = new StreamWriter(stream);
                writer.Write(created);
            }
            catch (IOException) when (File.Exists(KeyFile))
            {
                // Another process created it first: use theirs.
            }
        }

        return Convert.FromBase64String(File.ReadAllText(KeyFile).Trim());
    }
}
