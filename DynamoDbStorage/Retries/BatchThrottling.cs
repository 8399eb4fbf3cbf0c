using System.Net;
using Amazon.Runtime;

namespace DynamoDbStorage.Retries;

/// <summary>
/// What the batch calls share (<see cref="BatchGetRetries"/>, <see cref="BatchWriteRetries"/>): DynamoDB throttles part
/// of a batch by leaving it unprocessed, not with an error, so the rest is sent again after throttling pauses; what is
/// still unprocessed after <see cref="Policy"/>'s last attempt ends the call as throttling, a 503 with <c>Retry-After</c>
/// (and transient for <see cref="DynamoDbFailures"/>), never as a silent partial result.
/// </summary>
public static class BatchThrottling
{
    /// <summary>
    /// At most five attempts per request, with the transactions' throttling pauses between them (full jitter under a
    /// ceiling of 100 ms doubling to 1 s): at most 1.5 s of pauses before the caller is told DynamoDB is busy.
    /// </summary>
    public static readonly RetryPolicy Policy = TransactionRetries.UpTo(5);

    /// <summary>
    /// Sends <paramref name="first"/>, then what each answer left unprocessed (<paramref name="send"/> returns it, empty
    /// when all was processed), pausing on <paramref name="time"/> before each resend.
    /// </summary>
    internal static async Task UntilProcessedAsync<T>(
        string operation, string tableName, IReadOnlyCollection<T> first, Func<IReadOnlyCollection<T>, Task<IReadOnlyCollection<T>>> send,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var run = Policy.Start(time);
        var pending = first;
        for (var attempt = 1; ; attempt++)
        {
            pending = await send(pending);
            if (pending.Count == 0)
            {
                return;
            }

            if (!run.MayRetryAfter(attempt))
            {
                throw LeftUnprocessed(operation, tableName, pending.Count, attempt);
            }

            await run.PauseAsync(attempt, throttled: true, cancellationToken);
        }
    }

    private static ProvisionedThroughputExceededException LeftUnprocessed(string operation, string tableName, int unprocessed, int attempts) => new(
        $"DynamoDB left {unprocessed} item(s) of a {operation} on {tableName} unprocessed after {attempts} attempts.",
        innerException: null,
        ErrorType.Sender,
        errorCode: nameof(ProvisionedThroughputExceededException),
        requestId: null,
        HttpStatusCode.BadRequest);
}
