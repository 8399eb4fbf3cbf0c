using System.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Idempotency;

/// <summary>
/// The Idempotency-Key protocol around a mutating endpoint: claim the key, or replay / refuse; run the handler;
/// store what it answered unless its own transaction already did.
/// </summary>
internal sealed class IdempotencyFilter(Func<HttpContext, IdempotencyKey, IdempotencyScope?> scopeOf, bool required) : IEndpointFilter
{
    private const int MaxClaimAttempts = 3;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers[IdempotencyKey.HeaderName];
        if (header.Count == 0)
        {
            return required ? IdempotencyErrors.Missing().ToResult() : await next(context);
        }

        if (header.Count > 1)
        {
            return IdempotencyErrors.Malformed("Send one Idempotency-Key header.").ToResult();
        }

        if (!IdempotencyKey.TryParse(header[0], out var key, out var error))
        {
            return IdempotencyErrors.Malformed(error).ToResult();
        }

        if (scopeOf(http, key) is not { } scope)
        {
            return await next(context); // the handler answers (not found, not signed in) without a scope to record in
        }

        var services = http.RequestServices;
        var store = services.GetRequiredService<IdempotencyStore>();
        var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Idempotency");
        var fingerprint = await RequestFingerprint.ComputeAsync(http.Request, http.RequestAborted);
        Activity.Current?.SetTag("idempotency.key", key.Value);

        for (var attempt = 0; attempt < MaxClaimAttempts; attempt++)
        {
            var claim = await store.TryClaimAsync(scope, fingerprint, http.RequestAborted);
            if (claim is not null)
            {
                Activity.Current?.SetTag("idempotency.key.replayed", false);
                return await RunAsync(new IdempotencyContext(store, scope, key, claim, json), context, next, store, logger);
            }

            var existing = await store.FindAsync(scope, http.RequestAborted);
            switch (IdempotencyDecision.For(existing, fingerprint, store.Time.GetUtcNow()))
            {
                case IdempotencyDecision.Replay replay:
                    Activity.Current?.SetTag("idempotency.key.replayed", true);
                    IdempotencyLog.Replayed(logger, key.Value, replay.Response.StatusCode);
                    return ResponseCapture.Replay(replay.Response, http.Response);
                case IdempotencyDecision.InFlight:
                    IdempotencyLog.InFlight(logger, key.Value);
                    return IdempotencyErrors.InUse().ToResult();
                case IdempotencyDecision.KeyReused:
                    IdempotencyLog.Reused(logger, key.Value);
                    return IdempotencyErrors.Reused().ToResult();
                default:
                    continue; // it expired or was released between our claim and our read: claim again
            }
        }

        return IdempotencyErrors.InUse().ToResult();
    }

    private static async ValueTask<object?> RunAsync(
        IdempotencyContext idempotency, EndpointFilterInvocationContext context, EndpointFilterDelegate next, IdempotencyStore store, ILogger logger)
    {
        var http = context.HttpContext;
        http.Features.Set(idempotency);
        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            await store.ReleaseAsync(idempotency.Scope, idempotency.Claim, CancellationToken.None);
            throw;
        }

        if (idempotency.Committed)
        {
            return result;
        }

        var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var response = ResponseCapture.From(result, http.Response, json);
        if (!StoredResponse.IsOutcome(response.StatusCode))
        {
            await store.ReleaseAsync(idempotency.Scope, idempotency.Claim, CancellationToken.None);
        }
        else if (!await store.CompleteAsync(idempotency.Scope, idempotency.Claim, response, CancellationToken.None))
        {
            IdempotencyLog.ClaimLost(logger, idempotency.Key.Value);
        }

        return result;
    }
}
