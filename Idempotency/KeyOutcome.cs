namespace Idempotency;

/// <summary>What became of a request's Idempotency-Key while its handler ran.</summary>
internal enum KeyOutcome
{
    /// <summary>Nothing yet: the filter stores the handler's answer as the key's completed record.</summary>
    Open,

    /// <summary>The handler's own transaction wrote the completed record with its change: the answer is already stored.</summary>
    CompletedByChange,

    /// <summary>
    /// The completion's condition failed: another request with this key completed it or holds it (or took over an
    /// expired claim), so the filter answers from that request's record, whatever the handler says.
    /// </summary>
    TakenByAnother,

    /// <summary>
    /// The handler said its answer is not the request's outcome (a not-found from an eventually consistent read, which
    /// may not see a write made a moment ago): the filter gives the key back, as after a transient failure, so the
    /// client's retry with it runs again.
    /// </summary>
    Inconclusive,
}
