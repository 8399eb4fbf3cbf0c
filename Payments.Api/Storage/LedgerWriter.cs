using Idempotency;
using Microsoft.AspNetCore.Mvc;

namespace Payments.Api.Storage;

/// <summary>
/// Runs a ledger operation as read → decide → one <c>TransactWriteItems</c>, with the idempotency completion
/// inside the same transaction and a <c>ClientRequestToken</c> per attempt. A cancelled transaction is retried
/// with fresh reads (the next attempt's reads find the precise reason: insufficient funds, closed account…);
/// a key that turned out to be another request's is left to the idempotency filter; contention that outlasts the attempts is a 409 CONFLICT, throttling a 503.
/// </summary>
internal sealed class LedgerWriter(IdempotentTransactions transactions, TimeProvider time)
{
    public const int MaxAttempts = 12;

    private static readonly RetryPolicy Retries = TransactionRetries.UpTo(MaxAttempts);

    public async Task<Outcome<LedgerPlan<T>.Commit>> ExecuteAsync<T>(
        IdempotencyContext? idempotency,
        Func<int, CancellationToken, Task<LedgerPlan<T>>> plan,
        CancellationToken cancellationToken)
    {
        var retries = Retries.Start(time);
        for (var attempt = 0; ; attempt++)
        {
            var decided = await plan(attempt, cancellationToken);
            if (decided is LedgerPlan<T>.Reject reject)
            {
                return reject.Error;
            }

            var commit = (LedgerPlan<T>.Commit)decided;
            var completion = TransactionCompletion.Response(commit.StatusCode, commit.Body, commit.ETag, commit.Location);
            var last = await transactions.CommitAsync(commit.Items, idempotency, completion, attempt, cancellationToken);
            switch (last.Result)
            {
                case CommitResult.Committed:
                    return commit;
                case CommitResult.KeyTaken:
                    return IdempotencyErrors.InUse(); // the idempotency filter answers from that request's record
            }

            if (!retries.MayRetryAfter(attempt + 1))
            {
                // Throttling is DynamoDB shedding load, not a race: a 503 with Retry-After, and the key is released for the retry.
                return last.Throttled
                    ? ApiError.ServiceUnavailable("The ledger is busy; nothing was changed or charged. Retry after the Retry-After delay with the same Idempotency-Key.")
                    : ApiError.Conflict("What this request changes is changing too fast; read it again and retry.");
            }

            if (last.Result != CommitResult.ConditionFailed) // a failed condition: the next attempt's fresh read says why, at once
            {
                await retries.PauseAsync(attempt + 1, last.Throttled, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Runs a plan decided without reads (a new item under a fresh id, with the key's completed record), retried as
    /// <see cref="ExecuteAsync{T}"/> retries it.
    /// </summary>
    public Task<Outcome<LedgerPlan<T>.Commit>> CommitAsync<T>(IdempotencyContext? idempotency, LedgerPlan<T>.Commit decided, CancellationToken cancellationToken) =>
        ExecuteAsync(idempotency, (_, _) => Task.FromResult<LedgerPlan<T>>(decided), cancellationToken);

    /// <summary>
    /// Records a refusal that moves no money (a decline) with its audit entry: one transaction with the key's completed
    /// record, so however many duplicates race, the decline is stored and audited once. If contention outlasts the
    /// attempts, the audit entry is not written and the idempotency filter stores the refusal on its own.
    /// </summary>
    public async Task RecordRefusalAsync(IdempotencyContext? idempotency, TransactWriteItem audit, ProblemDetails refusal, CancellationToken cancellationToken)
    {
        var completion = TransactionCompletion.Problem(refusal);
        var retries = Retries.Start(time);
        for (var attempt = 1; ; attempt++)
        {
            // Attempt numbers after ExecuteAsync's, so no ClientRequestToken of this request is reused for other items.
            var outcome = await transactions.CommitAsync([audit], idempotency, completion, MaxAttempts + attempt - 1, cancellationToken);
            switch (outcome.Result)
            {
                case CommitResult.Committed or CommitResult.KeyTaken:
                    return;
                case CommitResult.ConditionFailed:
                    throw new InvalidOperationException("The decline's audit entry already exists: audit entries are keyed by a fresh id, so this is a bug.");
            }

            if (!retries.MayRetryAfter(attempt))
            {
                return;
            }

            await retries.PauseAsync(attempt, outcome.Throttled, cancellationToken);
        }
    }
}
