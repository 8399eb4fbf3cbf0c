using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Net.Http.Headers;

namespace Gateway.Security;

/// <summary>CORS for the configured storefront: credentials (the device cookie) allowed, preflights answered by the gateway.</summary>
internal static class StorefrontCorsExtensions
{
    private static readonly string[] AllowedHeaders =
        [HeaderNames.Authorization, HeaderNames.ContentType, HeaderNames.IfMatch, HeaderNames.IfNoneMatch, "Idempotency-Key", RequestId.HeaderName, "traceparent", "tracestate"];

    private static readonly string[] ExposedHeaders =
        [HeaderNames.ETag, HeaderNames.Location, HeaderNames.RetryAfter, "Idempotent-Replayed", RequestId.HeaderName, "traceresponse"];

    public static void AddStorefrontCors(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorefrontCorsOptions>()
            .BindConfiguration(StorefrontCorsOptions.SectionName)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StorefrontCorsOptions>, StorefrontCorsOptionsValidator>();

        builder.Services.AddCors();
        builder.Services.AddOptions<CorsOptions>().Configure<IOptions<StorefrontCorsOptions>>((cors, storefront) =>
            cors.AddDefaultPolicy(policy => policy
                .WithOrigins([.. storefront.Value.AllowedOrigins.Select(origin => origin.TrimEnd('/'))])
                .WithMethods(RequestShape.ServedMethods) // what the gateway serves: no HEAD
                .WithHeaders(AllowedHeaders)
                .WithExposedHeaders(ExposedHeaders)
                .AllowCredentials()
                .SetPreflightMaxAge(storefront.Value.PreflightMaxAge)));
    }
}
