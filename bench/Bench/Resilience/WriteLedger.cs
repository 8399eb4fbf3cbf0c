using System.Collections.Concurrent;

namespace Bench.Resilience;

/// <summary>What a write was.</summary>
internal enum WriteKind
{
    CartAdd,
    Deposit,
    Payment,
}

/// <summary>
/// One write the load sent with its own Idempotency-Key, how to send it again (the same key and body), and its last
/// answer. A write whose last answer was not definite (no answer, 5xx, 429, key in use) is settled after the faults by
/// sending it again until it is, as a client with a durable outbox would.
/// </summary>
internal sealed class WriteRecord(WriteKind kind, string key, string target, string? sku, long amount, Func<HttpRequestMessage> request)
{
    public WriteKind Kind { get; } = kind;

    public string Key { get; } = key;

    /// <summary>The cart or the account.</summary>
    public string Target { get; } = target;

    public string? Sku { get; } = sku;

    public long Amount { get; } = amount;

    public Func<HttpRequestMessage> Request { get; } = request;

    /// <summary>The last status (<see cref="WindowStats.NoAnswer"/> when none).</summary>
    public int Status { get; set; } = WindowStats.NoAnswer;

    /// <summary>The transaction a deposit or payment created, from its 2xx answer.</summary>
    public string? TxnId { get; set; }

    public bool Accepted => Status is >= 200 and < 300;

    public bool Definite => Status != WindowStats.NoAnswer && !RetryPolicy.IsRetryable(Status);
}

/// <summary>Every write of the run.</summary>
internal sealed class WriteLedger
{
    private readonly ConcurrentQueue<WriteRecord> _writes = new();

    public void Add(WriteRecord write) => _writes.Enqueue(write);

    public IReadOnlyList<WriteRecord> All => [.. _writes];
}
