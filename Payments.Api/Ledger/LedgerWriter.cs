using Idempotency;
using Microsoft.AspNetCore.Mvc;

namespace Payments.Api.Ledger;

/// <summary>
/// Runs a ledger operation as read → decide → one <c>TransactWriteItems</c>, with the idempotency completion
/// inside the same transaction and a <c>ClientRequestToken</c> per attempt. A cancelled transaction is retried
/// with fresh reads (the next attempt's reads find the precise reason: insufficient funds, closed account…);
/// a key that turned out to be another request's is left to the idempotency filter; contention that outlasts the attempts is a 409 CONFLICT too.
/// </summary>
internal sealed partial class LedgerWriter(IAmazonDynamoDB dynamoDb, TimeProvider time, ILogger<LedgerWriter> logger)
{
    public const int MaxAttempts = 12;

    public async Task<Outcome<LedgerPlan<T>.Commit>> ExecuteAsync<T>(
        IdempotencyContext? idempotency,
        Func<int, CancellationToken, Task<LedgerPlan<T>>> plan,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var decided = await plan(attempt, cancellationToken);
            if (decided is LedgerPlan<T>.Reject reject)
            {
                return reject.Error;
            }

            var commit = (LedgerPlan<T>.Commit)decided;
            var items = new List<TransactWriteItem>(commit.Items);
            int? idempotencyIndex = null;
            if (idempotency is not null)
            {
                idempotencyIndex = items.Count;
                items.Add(idempotency.CompletionItem(commit.StatusCode, commit.Body, commit.ETag, commit.Location));
            }

            try
            {
                await dynamoDb.TransactWriteItemsAsync(new TransactWriteItemsRequest
                {
                    TransactItems = items,

                    // A second guard beside the key: an SDK retry of this very attempt (a timeout) is applied once.
                    ClientRequestToken = idempotency?.ClientRequestToken(attempt) ?? Guid.NewGuid().ToString("N"),
                }, cancellationToken);
                idempotency?.MarkCommitted();
                return commit;
            }
            catch (TransactionCanceledException exception)
            {
                var cancellation = TransactCancellation.From(exception.CancellationReasons, idempotencyIndex);
                LogCancelled(logger, cancellation.Kind, cancellation.ItemIndex, attempt);
                switch (cancellation.Kind)
                {
                    case CancellationKind.KeyTaken:
                        idempotency!.MarkKeyTaken(); // the idempotency filter answers from that request's record
                        return IdempotencyErrors.InUse();
                    case CancellationKind.Unexpected:
                        throw;
                    case CancellationKind.ConditionFailed:
                        continue; // the next attempt's fresh read says why, at once
                }
            }
            catch (Exception exception) when (exception is TransactionConflictException or TransactionInProgressException)
            {
                LogCancelled(logger, CancellationKind.TransactionConflict, -1, attempt);
            }

            await Task.Delay(Backoff(attempt), time, cancellationToken);
        }

        return ApiError.Conflict("The account is changing too fast; retry with a fresh read.");
    }

    /// <summary>
    /// Records a refusal that moves no money (a decline) with its audit entry: one transaction with the key's completed
    /// record, so however many duplicates race, the decline is stored and audited once. If contention outlasts the
    /// attempts, the audit entry is not written and the idempotency filter stores the refusal on its own.
    /// </summary>
    public async Task RecordRefusalAsync(IdempotencyContext? idempotency, TransactWriteItem audit, ProblemDetails refusal, CancellationToken cancellationToken)
    {
        if (idempotency is null)
        {
            await dynamoDb.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = [audit] }, cancellationToken);
            return;
        }

        const int idempotencyIndex = 1;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            try
            {
                await dynamoDb.TransactWriteItemsAsync(new TransactWriteItemsRequest
                {
                    TransactItems = [audit, idempotency.CompletionItem(refusal)],
                    ClientRequestToken = idempotency.ClientRequestToken(MaxAttempts + attempt),
                }, cancellationToken);
                idempotency.MarkCommitted();
                return;
            }
            catch (TransactionCanceledException exception)
            {
                var cancellation = TransactCancellation.From(exception.CancellationReasons, idempotencyIndex);
                LogCancelled(logger, cancellation.Kind, cancellation.ItemIndex, attempt);
                if (cancellation.Kind == CancellationKind.KeyTaken)
                {
                    idempotency.MarkKeyTaken();
                    return;
                }

                if (!cancellation.IsRetryable)
                {
                    throw;
                }
            }
            catch (Exception exception) when (exception is TransactionConflictException or TransactionInProgressException)
            {
                LogCancelled(logger, CancellationKind.TransactionConflict, -1, attempt);
            }

            await Task.Delay(Backoff(attempt), time, cancellationToken);
        }
    }

    // Jittered, growing pauses keep contending writers from colliding again in lock step.
    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Random.Shared.Next(2, 10) * Math.Min(attempt + 1, 6));

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Transaction cancelled ({Kind} at item {Index}) on attempt {Attempt}")]
    private static partial void LogCancelled(ILogger logger, CancellationKind kind, int index, int attempt);
}
