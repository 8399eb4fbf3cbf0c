using Microsoft.OpenApi;

namespace ApiConventions.OpenApi;

/// <summary>The two ways a caller is known (DESIGN §7): a bearer token for a signed-in user, the gateway's device cookie for a guest.</summary>
internal static class SecuritySchemes
{
    public const string Bearer = "Bearer";
    public const string DeviceCookie = "DeviceCookie";

    public static Dictionary<string, IOpenApiSecurityScheme> All() => new()
    {
        [Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A token whose non-blank 'sub' is the user (Cognito in production; `dotnet run --project AppHost -- token <user>` locally).",
        },
        [DeviceCookie] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = "deviceId",
            Description = "The opaque guest device id the gateway issues on the first request (HttpOnly, SameSite).",
        },
    };
}
