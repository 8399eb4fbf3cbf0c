using ApiConventions.Problems;
using Payments.Api.Domain;
using Xunit;

namespace UnitTests.Payments;

public class LedgerRulesTests
{
    private static readonly Account Active = new("a1", "alice", "EUR", 500, AccountStatus.Active, 3, "t", "t");

    [Fact]
    public void A_covered_debit_on_an_active_account_of_the_same_currency_may_proceed() =>
        Assert.Null(CheckMovement(Active, "alice", "EUR", 500));

    [Fact]
    public void A_debit_above_the_balance_is_insufficient_funds()
    {
        var error = CheckMovement(Active, "alice", "EUR", 501)!;

        Assert.Equal("INSUFFICIENT_FUNDS", error.Code);
        Assert.Equal(422, error.Status);
    }

    [Fact]
    public void Someone_elses_account_is_not_found() =>
        Assert.Equal("NOT_FOUND", CheckMovement(Active, "bob", "EUR", 1)!.Code);

    [Fact]
    public void A_missing_account_is_not_found() =>
        Assert.Equal("NOT_FOUND", CheckMovement(null, "alice", "EUR", 1)!.Code);

    [Fact]
    public void A_closed_account_is_refused_on_the_account_not_as_a_conflict_a_retry_could_win() =>
        Assert.Contains("accountId", CheckMovement(Active with { Status = AccountStatus.Closed }, "alice", "EUR", 1)!.Errors!.Keys);

    [Fact]
    public void Another_currency_is_a_field_error() =>
        Assert.Contains("currency", CheckMovement(Active, "alice", "USD", 1)!.Errors!.Keys);

    // The refusal a fresh read of the account gives for a debit (a zero debit: any movement of money) under AccountRules.
    private static ApiError? CheckMovement(Account? account, string userId, string currency, long debit) =>
        AccountRules.Debit(Active.AccountId, userId, debit, currency).RefusalFor(account);

    [Theory]
    [InlineData(1000, 0, "CAPTURED")]
    [InlineData(1000, 400, "PARTIALLY_REFUNDED")]
    [InlineData(1000, 1000, "REFUNDED")]
    public void A_payment_status_follows_its_refunded_amount(long amount, long refunded, string status) =>
        Assert.Equal(status, TransactionStatuses.ForRefunded(amount, refunded));
}
