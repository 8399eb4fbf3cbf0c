using DynamoDbStreams.Processing;

namespace UnitTests.Events;

public sealed class DynamoDbFailureTests
{
    [Fact]
    public void A_call_the_sdk_gave_up_after_its_timeout_is_a_failure_the_worker_outlives()
    {
        // What the AWS SDK throws when DynamoDb:RequestTimeout passes (seen when the resilience suite stalled DynamoDB).
        var timedOut = new TimeoutException("The operation was canceled.", new TaskCanceledException());

        Assert.True(DynamoDbFailure.IsTransient(timedOut));
        Assert.True(DynamoDbFailure.IsTransient(new HttpRequestException("connection refused")));
    }

    [Fact]
    public void A_shutdown_or_a_bug_is_not_a_transient_failure()
    {
        Assert.False(DynamoDbFailure.IsTransient(new OperationCanceledException()));
        Assert.False(DynamoDbFailure.IsTransient(new InvalidOperationException()));
    }
}
