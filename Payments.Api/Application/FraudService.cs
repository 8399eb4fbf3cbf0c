namespace Payments.Api.Application;

/// <summary>Record a fraud signal of <paramref name="Type"/> about the signed-in user.</summary>
internal sealed record RecordFraudEvent(string UserId, string Type, string? Detail);

/// <summary>Records fraud events: each gets its id and the time it was recorded, then goes to its (possibly sharded) partition.</summary>
internal sealed class FraudService(FraudStore store, TimeProvider time)
{
    public async Task<FraudEvent> RecordAsync(RecordFraudEvent command, CancellationToken cancellationToken)
    {
        var fraudEvent = new FraudEvent(Guid.NewGuid().ToString("N"), command.UserId, command.Type, time.GetUtcTimestamp(), command.Detail);
        await store.RecordAsync(fraudEvent, cancellationToken);
        return fraudEvent;
    }
}
