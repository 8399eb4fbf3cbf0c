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
    public void Idempotency_records_are_scoped_to_the_caller() =>
        Assert.NotEqual(PaymentKeys.IdempotencyPk("alice", "k1"), PaymentKeys.IdempotencyPk("bob", "k1"));

    [Fact]
    public void Merchant_view_keys_name_the_merchant_and_the_time()
    {
        Assert.Equal("MERCHANT#m1", PaymentKeys.MerchantPk("m1"));
        Assert.Equal("TXN#2026-01-15T10:20:00.000Z", PaymentKeys.MerchantTransactionSk("2026-01-15T10:20:00.000Z"));
    }
}
