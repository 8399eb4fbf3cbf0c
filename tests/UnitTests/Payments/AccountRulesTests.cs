using Amazon.DynamoDBv2.Model;
using Payments.Api.Domain;
using Payments.Api.Storage;
using Xunit;

namespace UnitTests.Payments;

/// <summary>The account rules are written once: the condition the store sends and the refusal a read names come from the same list.</summary>
public class AccountRulesTests
{
    private static readonly Account Frozen = new("a1", "alice", "EUR", 500, AccountStatus.Frozen, 3, "t", "t");

    [Fact]
    public void A_debit_condition_holds_every_rule_of_a_debit()
    {
        var values = new Dictionary<string, AttributeValue>();

        var condition = AccountConditions.Of(AccountRules.Debit("a1", "alice", 700, "EUR").Rules, values);

        Assert.Equal("#status = :active AND #currency = :currency AND #balance >= :covered", condition);
        Assert.Equal("700", values[":covered"].N);
        Assert.Equal("EUR", values[":currency"].S);
    }

    [Fact]
    public void A_credit_may_not_take_the_balance_above_the_ceiling()
    {
        var values = new Dictionary<string, AttributeValue>();

        var condition = AccountConditions.Of(AccountRules.Credit("a1", "alice", 1_000, "EUR").Rules, values);

        Assert.Contains("#balance <= :ceiling", condition, StringComparison.Ordinal);
        Assert.Equal((Money.MaxBalance - 1_000).ToString(System.Globalization.CultureInfo.InvariantCulture), values[":ceiling"].N);
    }

    [Fact]
    public void A_frozen_account_still_receives_a_refund_but_pays_nothing()
    {
        Assert.Null(AccountRules.Refund("a1", "alice", 100, "EUR").RefusalFor(Frozen));
        Assert.Contains("accountId", AccountRules.Debit("a1", "alice", 100, "EUR").RefusalFor(Frozen)!.Errors!.Keys);
    }

    [Fact]
    public void Only_an_empty_active_account_closes()
    {
        var funded = Frozen with { Status = AccountStatus.Active };

        Assert.Contains("balance", AccountRules.FirstRefusal(AccountRules.Close(funded), funded)!.Errors!.Keys);
        Assert.Null(AccountRules.FirstRefusal(AccountRules.Close(funded with { Balance = 0 }), funded with { Balance = 0 }));
    }

    [Fact]
    public void An_expression_names_only_the_attributes_it_uses() =>
        Assert.Equal(["#balance", "#status"], AccountConditions.NamesUsedIn("SET #status = :closed", "#balance = :zero").Keys.Order(StringComparer.Ordinal));
}
