using Amazon.DynamoDBv2.Model;
using DynamoDbStorage.Transactions;
using Xunit;

namespace UnitTests.DynamoDbStorage;

public class TransactCancellationTests
{
    private static List<CancellationReason> Reasons(params string[] codes) => [.. codes.Select(code => new CancellationReason { Code = code })];

    [Fact]
    public void A_failed_condition_on_the_idempotency_item_means_the_claim_was_lost() =>
        Assert.Equal(
            new TransactCancellation(CancellationKind.KeyTaken, 3),
            TransactCancellation.From(Reasons("None", "None", "None", "ConditionalCheckFailed"), idempotencyItemIndex: 3));

    [Fact]
    public void A_failed_balance_condition_points_at_the_account_item() =>
        Assert.Equal(
            new TransactCancellation(CancellationKind.ConditionFailed, 0),
            TransactCancellation.From(Reasons("ConditionalCheckFailed", "None", "None", "None"), idempotencyItemIndex: 3));

    [Fact]
    public void A_lost_claim_wins_over_other_failed_conditions() =>
        Assert.Equal(
            CancellationKind.KeyTaken,
            TransactCancellation.From(Reasons("ConditionalCheckFailed", "None", "None", "ConditionalCheckFailed"), idempotencyItemIndex: 3).Kind);

    [Fact]
    public void A_conflict_with_another_transaction_is_a_conflict() =>
        Assert.Equal(CancellationKind.TransactionConflict, TransactCancellation.From(Reasons("TransactionConflict", "None", "None"), idempotencyItemIndex: null).Kind);

    [Fact]
    public void Throttling_is_throttling() =>
        Assert.Equal(CancellationKind.Throttled, TransactCancellation.From(Reasons("None", "ThrottlingError"), null).Kind);

    [Fact]
    public void A_validation_error_is_unexpected() =>
        Assert.Equal(CancellationKind.Unexpected, TransactCancellation.From(Reasons("ValidationError"), null).Kind);
}
