using Idempotency;

namespace Payments.Api.Application;

/// <summary>Record a fraud signal of <paramref name="Type"/> about the signed-in user.</summary>
internal sealed record RecordFraudEvent(string UserId, string Type, string? Detail);

/// <summary>Records fraud events: each gets its id and the time it was recorded, then goes to its (possibly sharded) partition.</summary>
internal sealed class FraudService(FraudStore store, LedgerWriter writer, TimeProvider time)
{
    /// <summary>
    /// Without an Idempotency-Key, one Put. With one, the event and the key's completed record are one transaction, so
    /// a retry after an answer that never arrived (the event written, the client told 503) replays instead of recording
    /// the event again.
    /// </summary>
    public async Task<Outcome<FraudEventResponse>> RecordAsync(RecordFraudEvent command, IdempotencyContext? idempotency, CancellationToken cancellationToken)
    {
        var fraudEvent = new FraudEvent(Guid.NewGuid().ToString("N"), command.UserId, command.Type, time.GetUtcTimestamp(), command.Detail);
        var response = FraudEventResponse.From(fraudEvent);
        if (idempotency is null)
        {
            await store.RecordAsync(fraudEvent, cancellationToken);
            return response;
        }

        var recorded = await writer.CommitAsync(idempotency, new LedgerPlan<FraudEventResponse>.Commit(
            [store.Append(fraudEvent)], StatusCodes.Status201Created, response, Location: ResourceLocations.FraudEvent(fraudEvent.EventId)), cancellationToken);
        return recorded.Succeeded ? response : recorded.Error;
    }
}
