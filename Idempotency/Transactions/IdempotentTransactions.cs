using DynamoDbStorage.Telemetry;
using DynamoDbStorage.Transactions;
using Microsoft.Extensions.Logging;

namespace Idempotency.Transactions;

/// <summary>
/// The one way Cart.Api and Payments.Api commit a change: its items and, when the request has an Idempotency-Key, the
/// key's completed record in one <c>TransactWriteItems</c>, with a <c>ClientRequestToken</c> per attempt (an SDK retry
/// of an attempt whose answer was lost is applied once). A cancellation is classified (<see cref="CommitOutcome.Of"/>) and the
/// outcome recorded on the request's idempotency context, which is the filter's one source for it; anything unexpected is rethrown.
/// </summary>
public sealed partial class IdempotentTransactions(IAmazonDynamoDB dynamoDb, DynamoDbMetrics metrics, ILogger<IdempotentTransactions> logger)
{
    /// <summary>
    /// One attempt (numbered by the caller, so each gets its own token) to commit <paramref name="items"/> with
    /// <paramref name="completion"/> recorded for <paramref name="idempotency"/>'s key; without a key the completion is not written.
    /// </summary>
    public async Task<CommitOutcome> CommitAsync(
        IReadOnlyList<TransactWriteItem> items, IdempotencyContext? idempotency, TransactionCompletion? completion, int attempt, CancellationToken cancellationToken)
    {
        var transaction = new List<TransactWriteItem>(items);
        int? idempotencyItem = null;
        if (idempotency is not null)
        {
            ArgumentNullException.ThrowIfNull(completion);
            idempotencyItem = transaction.Count;
            transaction.Add(completion.ItemFor(idempotency));
        }

        try
        {
            await dynamoDb.TransactWriteItemsAsync(new TransactWriteItemsRequest
            {
                TransactItems = transaction,
                ClientRequestToken = idempotency?.ClientRequestToken(attempt) ?? Guid.NewGuid().ToString("N"),
            }, cancellationToken);
            idempotency?.Record(CommitOutcome.Committed);
            return CommitOutcome.Committed;
        }
        catch (Exception exception) when (CommitOutcome.Of(exception, idempotencyItem) is { } outcome)
        {
            metrics.TransactionFailed(KindOf(outcome));
            LogNotCommitted(logger, outcome.Result, outcome.Cause, outcome.FailedItem, attempt);
            idempotency?.Record(outcome);
            return outcome;
        }
    }

    private static CancellationKind KindOf(CommitOutcome outcome) => outcome switch
    {
        { Result: CommitResult.KeyTaken } => CancellationKind.KeyTaken,
        { Result: CommitResult.ConditionFailed } => CancellationKind.ConditionFailed,
        { Cause: RetryCause.Throttled } => CancellationKind.Throttled,
        _ => CancellationKind.TransactionConflict,
    };

    [LoggerMessage(EventId = 20, Level = LogLevel.Debug, Message = "Transaction not committed ({Result}, {Cause}, item {Item}) on attempt {Attempt}")]
    private static partial void LogNotCommitted(ILogger logger, CommitResult result, RetryCause cause, int item, int attempt);
}
