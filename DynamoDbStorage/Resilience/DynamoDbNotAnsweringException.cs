namespace DynamoDbStorage.Resilience;

/// <summary>
/// DynamoDB did not answer a call within the attempt timeout, calls are refused for a while because it has stopped
/// answering, or a call was shed because this service's calls in flight had not ended in time
/// (<see cref="DynamoDbAdmission"/>). A <see cref="TimeoutException"/>: the services answer it with 503 and <c>Retry-After</c>, and the worker
/// outlives it. The AWS SDK does not retry it (<see cref="NotAnsweredIsFinalRetryPolicy"/>), so a stalled DynamoDB is
/// not met with a wave of retries.
/// </summary>
public sealed class DynamoDbNotAnsweringException(string message) : TimeoutException(message)
{
    public static DynamoDbNotAnsweringException TimedOut(TimeSpan attemptTimeout) =>
        new($"DynamoDB did not answer within {attemptTimeout.TotalSeconds:0.#} s.");

    public static DynamoDbNotAnsweringException Shed(int callsInFlight) =>
        new($"DynamoDB answers more slowly than calls arrive: all {callsInFlight} of this service's calls in flight are taken, and this one found the queue full or waited too long.");

    public static DynamoDbNotAnsweringException Refused(TimeSpan retryAfter) =>
        new($"DynamoDB has stopped answering; calls are refused for the next {retryAfter.TotalSeconds:0.#} s.");
}
