using Idempotency;

namespace Payments.Api.Ledger;

/// <summary>
/// Runs a ledger operation as read → decide → one <c>TransactWriteItems</c>, with the idempotency completion
/// inside the same transaction and a <c>ClientRequestToken</c> per attempt. A cancelled transaction is retried
/// with fresh reads (the next attempt's reads find the precise reason: insufficient funds, closed account…);
/// a lost claim is a 409 CONFLICT; contention that outlasts the attempts is a 409 CONFLICT too.
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
                    case CancellationKind.ClaimLost:
                        return ApiError.Conflict("The Idempotency-Key was taken over by another request; retry to read its outcome.");
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

    // Jittered, growing pauses keep contending writers from colliding again in lock step.
    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Random.Shared.Next(2, 10) * Math.Min(attempt + 1, 6));

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Transaction cancelled ({Kind} at item {Index}) on attempt {Attempt}")]
    private static partial void LogCancelled(ILogger logger, CancellationKind kind, int index, int attempt);
}
