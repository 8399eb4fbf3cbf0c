using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace ServiceDefaults.Authentication;

/// <summary>
/// The signing keys of <c>Authentication:Schemes:Bearer:SigningKeys</c>, read once. ASP.NET Core binds them as a lazy
/// sequence that reads the configuration section again, decodes each base64 key and builds a new key object every time
/// it is enumerated — and a token's signature check enumerates it on every request. A new key object each time also
/// misses the signature-provider cache, so each check built a new HMAC provider as well. Measured on the gateway
/// during payments (docs/benchmarks.md, "Where the service path's CPU goes on a write, once the emulator is
/// cheaper"): 2.8 % of its CPU in reading the keys and 1.3 % in creating providers. Read once, the keys are the same
/// objects for every request. Keys are then fixed for the life of the process, as the development issuer's are (an
/// environment variable); a Cognito pool's come from its JWKS document through the authority's own refreshing cache,
/// which this leaves alone.
/// </summary>
internal static class ConfiguredSigningKeys
{
    public static void ReadOnce(JwtBearerOptions options)
    {
        var parameters = options.TokenValidationParameters;
        if (parameters.IssuerSigningKeys is { } keys and not ICollection<SecurityKey>)
        {
            parameters.IssuerSigningKeys = [.. keys];
        }
    }
}
