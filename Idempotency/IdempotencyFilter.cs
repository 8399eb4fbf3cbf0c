using System.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Idempotency;

/// <summary>
/// The Idempotency-Key protocol around a mutating endpoint: take the key (up front, or with the handler's transaction),
/// or replay / refuse; run the handler; store what it answered unless its own transaction already did, or the answer is
/// transient or marked inconclusive (then the key is released); when another request turns out to have the key, answer
/// from that request's record.
/// </summary>
internal sealed class IdempotencyFilter(Func<HttpContext, IdempotencyKey, IdempotencyScope?> scopeOf, bool required, KeyClaim claimMode) : IEndpointFilter
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

        if (claimMode == KeyClaim.WithTransaction)
        {
            return await RunAsync(new IdempotencyContext(http, store, scope, key, store.NewClaim(fingerprint), claimMode, json), context, next, store, logger);
        }

        for (var attempt = 0; attempt < MaxClaimAttempts; attempt++)
        {
            var claim = await store.TryClaimAsync(scope, fingerprint, http.RequestAborted);
            if (claim is not null)
            {
                return await RunAsync(new IdempotencyContext(http, store, scope, key, claim, claimMode, json), context, next, store, logger);
            }

            if (await AnswerFromRecordAsync(store, scope, key, fingerprint, http, logger) is { } answer)
            {
                return answer;
            }

            // It expired or was released between our claim and our read: claim again.
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
            await idempotency.ReleaseAsync();
            throw;
        }

        if (idempotency.Outcome == KeyOutcome.CompletedByChange)
        {
            Activity.Current?.SetTag("idempotency.key.replayed", false);
            return result;
        }

        if (idempotency.Outcome == KeyOutcome.Inconclusive)
        {
            IdempotencyLog.Inconclusive(logger, idempotency.Key.Value);
            return await GiveBackAsync(idempotency, result, store, http, logger);
        }

        if (idempotency.Outcome == KeyOutcome.Open)
        {
            var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var response = ResponseCapture.From(result, http.Response, json);
            if (!StoredResponse.IsOutcome(response.StatusCode))
            {
                return await GiveBackAsync(idempotency, result, store, http, logger);
            }

            if (await store.CompleteAsync(idempotency.Scope, idempotency.Claim, idempotency.Claimed, response, CancellationToken.None))
            {
                Activity.Current?.SetTag("idempotency.key.replayed", false);
                return result;
            }
        }

        IdempotencyLog.KeyTaken(logger, idempotency.Key.Value);
        return await AnswerFromRecordAsync(store, idempotency.Scope, idempotency.Key, idempotency.Fingerprint, http, logger)
            ?? IdempotencyErrors.InUse().ToResult(); // the other request's record is already gone: the client retries
    }

    /// <summary>Releases the key after an answer that is not the request's outcome, so the client's retry runs again.</summary>
    private static async Task<object?> GiveBackAsync(
        IdempotencyContext idempotency, object? result, IdempotencyStore store, HttpContext http, ILogger logger)
    {
        await idempotency.ReleaseAsync();

        // A key taken with the transaction was not looked up before the handler ran. A transient answer (409, 412, 429,
        // 5xx, a not-found from a lagging index) may then be a retry meeting the state its own first attempt left (the
        // guest cart already merged, the account already closed, the version its If-Match named already moved on by
        // that attempt): that attempt's stored answer is the one to give.
        return idempotency.Claimed == KeyClaim.WithTransaction
            ? await AnswerFromRecordAsync(store, idempotency.Scope, idempotency.Key, idempotency.Fingerprint, http, logger) ?? result
            : result;
    }

    /// <summary>The answer the key's live record gives this request (replay, in use, reused), or null when there is none.</summary>
    private static async Task<IResult?> AnswerFromRecordAsync(
        IdempotencyStore store, IdempotencyScope scope, IdempotencyKey key, string fingerprint, HttpContext http, ILogger logger)
    {
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
                return null;
        }
    }
}
