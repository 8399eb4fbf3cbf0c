using Payments.Api.Table;
using Xunit;

namespace UnitTests.Payments;

public class PaymentKeysTests
{
    [Fact]
    public void Account_metadata_lives_under_the_account_partition()
    {
        Assert.Equal("ACCOUNT#a1", PaymentKeys.AccountPk("a1"));
        Assert.Equal("METADATA", PaymentKeys.Metadata);
    }

    [Fact]
    public void Accounts_are_indexed_by_user_on_GSI2()
    {
        Assert.Equal("USER#u1", PaymentKeys.UserPk("u1"));
        Assert.Equal("ACCOUNT#a1", PaymentKeys.AccountsOfUserSk("a1"));
    }

    [Fact]
    public void Transaction_sort_keys_order_by_time_then_id() =>
        Assert.Equal("TXN#2026-01-15T10:20:00.000Z#t1", PaymentKeys.TransactionSk("2026-01-15T10:20:00.000Z", "t1"));

    [Fact]
    public void Transactions_are_found_by_id_on_GSI1() =>
        Assert.Equal("TXN#t1", PaymentKeys.TransactionPk("t1"));

    [Fact]
    public void Audit_sort_keys_order_by_time_then_event() =>
        Assert.Equal("AUDIT#2026-01-15T10:20:00.000Z#e1", PaymentKeys.AuditSk("2026-01-15T10:20:00.000Z", "e1"));

    [Fact]
    public void Idempotency_records_are_scoped_to_the_caller()
    {
        Assert.Equal("IDEMPOTENCY#5:alice#k1", PaymentKeys.Idempotency("alice", Key("k1")));
        Assert.NotEqual(PaymentKeys.Idempotency("alice", Key("k1")), PaymentKeys.Idempotency("bob", Key("k1")));
    }

    [Fact]
    public void No_user_id_and_key_can_be_chosen_to_spell_another_callers_record() =>
        Assert.NotEqual(PaymentKeys.Idempotency("alice", Key("x#k1")), PaymentKeys.Idempotency("alice#x", Key("k1")));

    private static global::Idempotency.IdempotencyKey Key(string value) =>
        global::Idempotency.IdempotencyKey.TryParse(value, out var key, out _) ? key : throw new ArgumentException(value);

    [Fact]
    public void Merchant_view_keys_name_the_merchant_and_the_time()
    {
        Assert.Equal("MERCHANT#m1", PaymentKeys.MerchantPk("m1"));
        Assert.Equal("TXN#2026-01-15T10:20:00.000Z", PaymentKeys.MerchantTransactionSk("2026-01-15T10:20:00.000Z"));
    }

    [Fact]
    public void Beneficiaries_and_fraud_events_live_under_the_user()
    {
        Assert.Equal("BENEFICIARY#b1", PaymentKeys.BeneficiarySk("b1"));
        Assert.Equal("FRAUD#2026-01-15T10:20:00.000Z", PaymentKeys.FraudSk("2026-01-15T10:20:00.000Z"));
        Assert.Equal("FRAUD#2026-01-15T10:20:00.000Z#e1", PaymentKeys.FraudSk("2026-01-15T10:20:00.000Z", "e1"));
        Assert.Equal("USER#u1#SHARD#3", PaymentKeys.FraudShardPk("u1", 3));
    }

    [Theory]
    [InlineData("TXN#2026-01-01T00:00:00.000Z#aaaa", true)]
    [InlineData("TXN#2026-01-31T23:59:59.999Z#ffff", true)]
    [InlineData("TXN#2026-01-31T23:59:59.999Z#~~~~", true)]
    [InlineData("TXN#2025-12-31T23:59:59.999Z#ffff", false)]
    [InlineData("TXN#2026-02-01T00:00:00.000Z#0000", false)]
    public void The_transaction_range_includes_both_bounds_and_nothing_outside(string sortKey, bool inside)
    {
        var (lower, upper) = PaymentKeys.TransactionSkRange("2026-01-01T00:00:00.000Z", "2026-01-31T23:59:59.999Z");

        var between = string.CompareOrdinal(sortKey, lower) >= 0 && string.CompareOrdinal(sortKey, upper) <= 0;

        Assert.Equal(inside, between);
    }
}
