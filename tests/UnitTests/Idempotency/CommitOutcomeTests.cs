using Amazon.DynamoDBv2.Model;
using Idempotency.Transactions;

namespace UnitTests.Idempotency;

public class CommitOutcomeTests
{
    private static TransactionCanceledException Cancelled(params string?[] codes) =>
        new("Transaction cancelled") { CancellationReasons = [.. codes.Select(code => new CancellationReason { Code = code })] };

    [Fact]
    public void A_failed_condition_on_the_completion_means_the_key_is_another_request_s() =>
        Assert.Equal(
            new CommitOutcome(CommitResult.KeyTaken, 2),
            CommitOutcome.Of(Cancelled("None", "None", "ConditionalCheckFailed"), idempotencyItem: 2));

    [Fact]
    public void A_failed_condition_on_an_item_names_the_item() =>
        Assert.Equal(
            new CommitOutcome(CommitResult.ConditionFailed, 1),
            CommitOutcome.Of(Cancelled("None", "ConditionalCheckFailed", "None"), idempotencyItem: 2));

    [Fact]
    public void Without_a_key_a_failed_condition_on_the_last_item_is_the_item_s() =>
        Assert.Equal(
            new CommitOutcome(CommitResult.ConditionFailed, 2),
            CommitOutcome.Of(Cancelled("None", "None", "ConditionalCheckFailed"), idempotencyItem: null));

    [Fact]
    public void A_conflict_with_another_transaction_is_retryable() =>
        Assert.Equal(
            new CommitOutcome(CommitResult.Retryable, Cause: RetryCause.Conflict),
            CommitOutcome.Of(Cancelled("None", "TransactionConflict"), idempotencyItem: 1));

    [Fact]
    public void A_cancellation_without_reasons_is_a_conflict_as_DynamoDB_Local_reports_one() =>
        Assert.Equal(RetryCause.Conflict, CommitOutcome.Of(Cancelled(null, "None"), idempotencyItem: 1)?.Cause);

    [Theory]
    [InlineData("ThrottlingError")]
    [InlineData("ProvisionedThroughputExceeded")]
    [InlineData("RequestLimitExceeded")]
    public void Throttling_is_retryable_and_says_so(string code)
    {
        var outcome = CommitOutcome.Of(Cancelled("None", code), idempotencyItem: 1);

        Assert.Equal(CommitResult.Retryable, outcome?.Result);
        Assert.True(outcome?.Throttled);
    }

    [Fact]
    public void A_transaction_conflict_exception_is_a_retryable_conflict() =>
        Assert.Equal(
            new CommitOutcome(CommitResult.Retryable, Cause: RetryCause.Conflict),
            CommitOutcome.Of(new TransactionConflictException("conflict"), idempotencyItem: null));

    [Fact]
    public void A_transaction_still_in_progress_is_retryable() =>
        Assert.Equal(
            new CommitOutcome(CommitResult.Retryable, Cause: RetryCause.InProgress),
            CommitOutcome.Of(new TransactionInProgressException("in progress"), idempotencyItem: 0));

    [Fact]
    public void A_validation_failure_is_unexpected_and_left_to_surface() =>
        Assert.Null(CommitOutcome.Of(Cancelled("None", "ValidationError"), idempotencyItem: 1));

    [Fact]
    public void Any_other_exception_is_unexpected() =>
        Assert.Null(CommitOutcome.Of(new InvalidOperationException("bug"), idempotencyItem: null));
}
