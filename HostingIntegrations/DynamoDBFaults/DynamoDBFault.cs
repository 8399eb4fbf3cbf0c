namespace HostingIntegrations.DynamoDBFaults;

/// <summary>What the fault injector does to a DynamoDB call it picks.</summary>
public enum DynamoDBFaultKind
{
    /// <summary>
    /// Answers as throttled DynamoDB does: a transaction is cancelled with a <c>ThrottlingError</c> reason, a
    /// <c>BatchGetItem</c> of several keys reads one and returns the others unprocessed (<see cref="PartialBatchGet"/>), a
    /// <c>BatchWriteItem</c> of several requests writes the first half and returns the rest unprocessed
    /// (<see cref="PartialBatchWrite"/>), any other call gets the throttling error.
    /// </summary>
    Throttle,

    /// <summary>Answers 500 <c>InternalServerError</c>.</summary>
    ServerError,

    /// <summary>Forwards the call after a delay.</summary>
    Latency,

    /// <summary>Holds the call until the fault is cleared or the caller gives up.</summary>
    Stall,

    /// <summary>
    /// Forwards the call at once and holds DynamoDB's answer until the fault is cleared or the caller gives up: the call
    /// takes effect when it is made, and the caller learns of it later (a slow network, a paused client).
    /// </summary>
    HoldAnswer,

    /// <summary>
    /// Answers a <c>Query</c> that names an <c>IndexName</c> (<see cref="DynamoDBFault.Index"/>, when the fault names one)
    /// as if the index had not caught up with the table: 200 with no items (<see cref="LaggingIndex"/>). Base-table
    /// queries, queries of other indexes and every other call are forwarded unchanged.
    /// </summary>
    IndexLag,
}

/// <summary>
/// One fault: its kind, the share of matching calls it hits (spread evenly, not at random, so a test of "50 %" sees
/// every second call fail), and the DynamoDB operations it matches (none named: every call, the worker's stream reads
/// included).
/// </summary>
public sealed record DynamoDBFault(DynamoDBFaultKind Kind, int Percent = 100, IReadOnlySet<string>? Operations = null)
{
    /// <summary>
    /// The delay of a <see cref="DynamoDBFaultKind.Latency"/> fault; of a <see cref="DynamoDBFaultKind.Throttle"/> fault,
    /// the delay of the matching calls it does not throttle (DynamoDB under pressure throttles some calls and answers the
    /// others slowly).
    /// </summary>
    public TimeSpan Latency { get; init; }

    /// <summary>
    /// The one index an <see cref="DynamoDBFaultKind.IndexLag"/> fault holds back (<c>GSI1</c>: a write is in the table and
    /// in its other indexes, not yet in this one); null, every index of every table.
    /// </summary>
    public string? Index { get; init; }

    /// <summary>The error a <see cref="DynamoDBFaultKind.Throttle"/> fault answers for calls other than transactions.</summary>
    public string ThrottlingError { get; init; } = DynamoDBErrors.ProvisionedThroughputExceeded;

    /// <summary>How long a matching call the fault does not hit waits before it is forwarded.</summary>
    public TimeSpan DelayWhenMissed => Kind == DynamoDBFaultKind.Throttle ? Latency : TimeSpan.Zero;

    /// <summary>
    /// True when the fault applies to <paramref name="operation"/> (<c>PutItem</c>, <c>TransactWriteItems</c>, …); an
    /// <see cref="DynamoDBFaultKind.IndexLag"/> fault applies to <c>Query</c> alone.
    /// </summary>
    public bool Matches(string operation) =>
        (Kind != DynamoDBFaultKind.IndexLag || operation == LaggingIndex.Operation)
        && (Operations is not { Count: > 0 } || Operations.Contains(operation));

    /// <summary>
    /// True when the fault applies to this call: its operation; for an index lag, a query of an index; for a throttle, a
    /// <c>BatchWriteItem</c> whose requests it can read (any other is forwarded untouched, for DynamoDB to refuse).
    /// </summary>
    internal bool Applies(string operation, ReadOnlySpan<byte> requestBody) =>
        Matches(operation)
        && (Kind != DynamoDBFaultKind.IndexLag || LaggingIndex.Reads(requestBody, Index))
        && (Kind != DynamoDBFaultKind.Throttle || operation != PartialBatchWrite.Operation || PartialBatchWrite.Reads(requestBody));

    /// <summary>The fault in words, as the dashboard shows it.</summary>
    public string Describe()
    {
        var what = Kind switch
        {
            DynamoDBFaultKind.Throttle => $"throttle ({ThrottlingError})",
            DynamoDBFaultKind.ServerError => "500 InternalServerError",
            DynamoDBFaultKind.Latency => $"+{Latency.TotalMilliseconds:0} ms",
            DynamoDBFaultKind.IndexLag => "index behind its table (no items)",
            DynamoDBFaultKind.HoldAnswer => "answer held",
            _ => "stall",
        };
        var scope = Kind == DynamoDBFaultKind.IndexLag ? Index is null ? "queries of an index" : $"queries of index {Index}"
            : Operations is { Count: > 0 } ? string.Join(", ", Operations.Order(StringComparer.Ordinal))
            : "every call";
        var rest = DelayWhenMissed > TimeSpan.Zero ? $", the rest +{DelayWhenMissed.TotalMilliseconds:0} ms" : "";
        return $"{what} on {Percent} % of {scope}{rest}";
    }
}
