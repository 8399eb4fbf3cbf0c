using ApiConventions.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Idempotency;

/// <summary>Registration, middleware and endpoint wiring of the Idempotency-Key layer.</summary>
public static class IdempotencyExtensions
{
    public static IServiceCollection AddIdempotency(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<IdempotencyOptions>, IdempotencyOptionsValidator>();
        services.AddOptions<IdempotencyOptions>().BindConfiguration(IdempotencyOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<Transactions.IdempotentTransactions>();
        return services;
    }

    /// <summary>Buffers the bodies of requests that carry an Idempotency-Key, so the filter can fingerprint them after binding.</summary>
    public static IApplicationBuilder UseIdempotency(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            if (http.Request.Headers.ContainsKey(IdempotencyKey.HeaderName))
            {
                http.Request.EnableBuffering();
            }

            return next(http);
        });

    /// <summary>
    /// Makes the endpoint(s) honour Idempotency-Key; <paramref name="scopeOf"/> says where the key's record lives,
    /// <paramref name="claim"/> when the key is taken (<see cref="KeyClaim.WithTransaction"/> only for handlers whose
    /// every effect is their one transaction).
    /// </summary>
    public static TBuilder WithIdempotency<TBuilder>(
        this TBuilder builder, Func<HttpContext, IdempotencyKey, IdempotencyScope?> scopeOf, bool required = false, KeyClaim claim = KeyClaim.BeforeHandler)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(new IdempotencyFilter(scopeOf, required, claim));
        builder.WithMetadata(
            new RequestHeaderMetadata(IdempotencyKey.HeaderName, required,
                "Names this request (1–255 visible ASCII characters, bare or as a quoted sf-string): a retry with the same key replays the first response."),
            new ResponseHeaderMetadata(IdempotencyKey.ReplayedHeaderName, "\"true\" when this is the stored response of an earlier request with the same key."));
        builder.ProducesProblemCodes(StatusCodes.Status409Conflict, IdempotencyErrors.KeyInUse);
        builder.ProducesProblemCodes(StatusCodes.Status422UnprocessableEntity, IdempotencyErrors.KeyReused);
        if (required)
        {
            builder.ProducesProblemCodes(StatusCodes.Status400BadRequest, IdempotencyErrors.KeyMissing);
        }

        return builder;
    }

    /// <summary>The request's claim on its key, or null when it sent none.</summary>
    public static IdempotencyContext? GetIdempotency(this HttpContext http) => http.Features.Get<IdempotencyContext>();
}
