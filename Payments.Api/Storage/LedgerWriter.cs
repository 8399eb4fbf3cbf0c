using DynamoDbStorage.Telemetry;
using Idempotency;
using Microsoft.AspNetCore.Mvc;

namespace Payments.Api.Storage;

/// <summary>
/// Runs a ledger operation as read → decide → one <c>TransactWriteItems</c>, with the idempotency completion
/// inside the same transaction and a <c>ClientRequestToken</c> per attempt. A cancelled transaction is retried
/// with fresh reads (the next attempt's reads find the precise reason: insufficient funds, closed account…);
/// a key that turned out to be another request's is left to the idempotency filter; contention that outlasts the attempts is a 409 CONFLICT, throttling a 503.
/// </summary>
internal sealed partial class LedgerWriter(IAmazonDynamoDB dynamoDb, DynamoDbMetrics metrics, TimeProvider time, ILogger<LedgerWriter> logger)
{
    public const int MaxAttempts = 12;

    public async Task<Outcome<LedgerPlan<T>.Commit>> ExecuteAsync<T>(
        IdempotencyContext? idempotency,
        Func<int, CancellationToken, Task<LedgerPlan<T>>> plan,
        CancellationToken cancellationToken)
    {
        var last = Attempt.Retry;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var decided = await plan(attempt, cancellationToken);
            if (decided is LedgerPlan<T>.Reject reject)
            {
                return reject.Error;
            }

            var commit = (LedgerPlan<T>.Commit)decided;
            var completion = idempotency?.CompletionItem(commit.StatusCode, commit.Body, commit.ETag, commit.Location);
            last = await TryTransactAsync(commit.Items, completion, idempotency, attempt, cancellationToken);
            switch (last)
            {
                case Attempt.Committed:
                    return commit;
                case Attempt.KeyTaken:
                    return IdempotencyErrors.InUse(); // the idempotency filter answers from that request's record
                case Attempt.ConditionFailed:
                    continue; // the next attempt's fresh read says why, at once
            }

            await Task.Delay(Backoff(last, attempt), time, cancellationToken);
        }

        // Throttling is DynamoDB shedding load, not a race: a 503 with Retry-After, and the key is released for the retry.
        return last == Attempt.Throttled
            ? ApiError.ServiceUnavailable("The ledger is busy; nothing was charged. Retry after the Retry-After delay with the same Idempotency-Key.")
            : ApiError.Conflict("The account is changing too fast; retry with a fresh read.");
    }

    /// <summary>
    /// Records a refusal that moves no money (a decline) with its audit entry: one transaction with the key's completed
    /// record, so however many duplicates race, the decline is stored and audited once. If contention outlasts the
    /// attempts, the audit entry is not written and the idempotency filter stores the refusal on its own.
    /// </summary>
    public async Task RecordRefusalAsync(IdempotencyContext? idempotency, TransactWriteItem audit, ProblemDetails refusal, CancellationToken cancellationToken)
    {
        var completion = idempotency?.CompletionItem(refusal);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            // Attempt numbers after ExecuteAsync's, so no ClientRequestToken of this request is reused for other items.
            switch (await TryTransactAsync([audit], completion, idempotency, MaxAttempts + attempt, cancellationToken))
            {
                case Attempt.Committed or Attempt.KeyTaken:
                    return;
                case Attempt.ConditionFailed:
                    throw new InvalidOperationException("The decline's audit entry already exists: audit entries are keyed by a fresh id, so this is a bug.");
            }

            await Task.Delay(Backoff(Attempt.Retry, attempt), time, cancellationToken);
        }
    }

    /// <summary>
    /// One <c>TransactWriteItems</c> of <paramref name="items"/> plus the idempotency completion (when there is a key),
    /// with a <c>ClientRequestToken</c> per attempt; a cancellation is classified, anything unexpected rethrown.
    /// </summary>
    private async Task<Attempt> TryTransactAsync(
        IReadOnlyList<TransactWriteItem> items, TransactWriteItem? completion, IdempotencyContext? idempotency, int attempt, CancellationToken cancellationToken)
    {
        var transaction = new List<TransactWriteItem>(items);
        int? idempotencyIndex = null;
        if (completion is not null)
        {
            idempotencyIndex = transaction.Count;
            transaction.Add(completion);
        }

        try
        {
            await dynamoDb.TransactWriteItemsAsync(new TransactWriteItemsRequest
            {
                TransactItems = transaction,

                // A second guard beside the key: an SDK retry of this very attempt (a timeout) is applied once.
                ClientRequestToken = idempotency?.ClientRequestToken(attempt) ?? Guid.NewGuid().ToString("N"),
            }, cancellationToken);
            idempotency?.MarkCommitted();
            return Attempt.Committed;
        }
        catch (TransactionCanceledException exception)
        {
            var cancellation = TransactCancellation.From(exception.CancellationReasons, idempotencyIndex);
            metrics.TransactionFailed(cancellation.Kind);
            LogCancelled(logger, cancellation.Kind, cancellation.ItemIndex, attempt);
            switch (cancellation.Kind)
            {
                case CancellationKind.KeyTaken:
                    idempotency!.MarkKeyTaken();
                    return Attempt.KeyTaken;
                case CancellationKind.ConditionFailed:
                    return Attempt.ConditionFailed;
                case CancellationKind.Unexpected:
                    throw;
                case CancellationKind.Throttled:
                    return Attempt.Throttled;
                default:
                    return Attempt.Retry;
            }
        }
        catch (Exception exception) when (exception is TransactionConflictException or TransactionInProgressException)
        {
            metrics.TransactionFailed(CancellationKind.TransactionConflict);
            LogCancelled(logger, CancellationKind.TransactionConflict, -1, attempt);
            return Attempt.Retry;
        }
    }

    // Jittered, growing pauses keep contending writers from colliding again in lock step; throttling waits longer,
    // since retrying at once only adds to the load DynamoDB is shedding.
    private static TimeSpan Backoff(Attempt last, int attempt) => last == Attempt.Throttled
        ? TimeSpan.FromMilliseconds(Random.Shared.Next(10, 50) * Math.Min(attempt + 1, 8))
        : TimeSpan.FromMilliseconds(Random.Shared.Next(2, 10) * Math.Min(attempt + 1, 6));

    /// <summary>What one transaction attempt came to.</summary>
    private enum Attempt
    {
        Committed,
        KeyTaken,

        /// <summary>A domain condition failed: a fresh read decides (retry at once, or refuse).</summary>
        ConditionFailed,

        /// <summary>Contention: pause and try again.</summary>
        Retry,

        /// <summary>DynamoDB throttled the transaction: pause longer and try again.</summary>
        Throttled,
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Transaction cancelled ({Kind} at item {Index}) on attempt {Attempt}")]
    private static partial void LogCancelled(ILogger logger, CancellationKind kind, int index, int attempt);
}
