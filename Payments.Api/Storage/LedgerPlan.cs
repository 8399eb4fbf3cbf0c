namespace Payments.Api.Storage;

/// <summary>What one attempt of a ledger operation decided after its fresh reads: refuse, or commit these items.</summary>
internal abstract record LedgerPlan<T>
{
    private LedgerPlan()
    {
    }

    /// <summary>Answer with this error; nothing is written (the idempotency filter records it under the key).</summary>
    public sealed record Reject(ApiError Error) : LedgerPlan<T>;

    /// <summary>Commit these items in one transaction and answer <paramref name="StatusCode"/> with <paramref name="Body"/>.</summary>
    public sealed record Commit(List<TransactWriteItem> Items, int StatusCode, T Body, string? ETag = null, string? Location = null) : LedgerPlan<T>;

    public static implicit operator LedgerPlan<T>(ApiError error) => new Reject(error);
}
