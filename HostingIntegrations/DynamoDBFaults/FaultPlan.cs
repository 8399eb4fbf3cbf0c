namespace HostingIntegrations.DynamoDBFaults;

/// <summary>
/// The fault in force and the calls it has matched so far. Replaced whole when the fault changes; the old plan's
/// <see cref="Ended"/> fires then, which releases the calls a stall holds.
/// </summary>
internal sealed class FaultPlan(DynamoDBFault? fault)
{
    private readonly CancellationTokenSource _ended = new();
    private long _matched;

    public DynamoDBFault? Fault { get; } = fault;

    public CancellationToken Ended => _ended.Token;

    /// <summary>
    /// True when the fault hits this call of <paramref name="operation"/> (with <paramref name="requestBody"/>): the n-th
    /// matching call is hit when ⌊n·p/100⌋ grows, so p % of matching calls are hit, evenly spread.
    /// </summary>
    public bool Hits(string operation, ReadOnlySpan<byte> requestBody)
    {
        if (Fault is not { } fault || !fault.Applies(operation, requestBody))
        {
            return false;
        }

        var n = Interlocked.Increment(ref _matched);
        return n * fault.Percent / 100 > (n - 1) * fault.Percent / 100;
    }

    // Not disposed: stalled calls may still hold its token when the next plan replaces it, and it owns no timer.
    public void End() => _ended.Cancel();
}
