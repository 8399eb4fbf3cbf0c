using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace DynamoDbStorage.Resilience;

/// <summary>
/// The SDK's standard retries (throttling, 5xx, broken connections), except for an attempt the
/// <see cref="DynamoDbCallGuard"/> gave up on: the SDK counts every <see cref="TimeoutException"/> as transient and
/// would send it again, up to three times, each waiting out its own attempt timeout (a change meeting a stall was
/// measured spending four attempts, 25 s, before its 503) or, once the circuit is open, being refused again. A
/// DynamoDB that did not answer for three times its p99 is not helped by being asked again at once; the service answers
/// 503 with <c>Retry-After</c> and the circuit decides when to try.
/// </summary>
internal sealed class NotAnsweredIsFinalRetryPolicy(IClientConfig config) : StandardRetryPolicy(config)
{
    public override bool RetryForException(IExecutionContext executionContext, Exception exception) =>
        !IsNotAnswered(exception) && base.RetryForException(executionContext, exception);

    public override Task<bool> RetryForExceptionAsync(IExecutionContext executionContext, Exception exception) =>
        IsNotAnswered(exception) ? Task.FromResult(false) : base.RetryForExceptionAsync(executionContext, exception);

    private static bool IsNotAnswered(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is DynamoDbNotAnsweringException)
            {
                return true;
            }
        }

        return false;
    }
}
