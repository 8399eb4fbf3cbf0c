using DynamoDbStorage.Paging;
using Payments.Api.Domain;
using Payments.Api.Storage;
using Payments.Api.Table;
using Xunit;

namespace UnitTests.Payments;

public class MerchantPositionTests
{
    private const string T1 = "2026-01-15T10:20:00.000Z";
    private const string T2 = "2026-01-15T10:20:00.001Z";

    private static LedgerTransaction Txn(string id, string at) =>
        new(id, "a1", "alice", TransactionKinds.Payment, "DEBIT", 10, "EUR", "shop", "CAPTURED", 0, null, null, at);

    [Fact]
    public void After_a_page_it_counts_the_callers_rows_at_the_last_time_with_those_an_earlier_page_returned_there()
    {
        Assert.Equal(new MerchantPosition(T2, 2), MerchantPosition.After([Txn("x", T1), Txn("y", T2), Txn("z", T2)], from: null));
        Assert.Equal(new MerchantPosition(T1, 3), MerchantPosition.After([Txn("y", T1)], new MerchantPosition(T1, 2)));
        Assert.Equal(new MerchantPosition(T2, 1), MerchantPosition.After([Txn("y", T2)], new MerchantPosition(T1, 2)));
    }

    [Fact]
    public void At_a_row_of_another_customer_it_keeps_only_the_time_and_what_the_caller_was_already_returned_there()
    {
        Assert.Equal(new MerchantPosition(T1, 2), MerchantPosition.At("TXN#" + T1, new MerchantPosition(T1, 2)));
        Assert.Equal(new MerchantPosition(T2, 0), MerchantPosition.At("TXN#" + T2, new MerchantPosition(T1, 2)));
    }

    [Fact]
    public void Its_cursor_names_the_merchant_a_time_and_a_count_and_decodes_back_within_the_shoppers_scope_only()
    {
        var cursor = PageCursor.Encode(new MerchantPosition(T1, 3).ToCursorKey("shop"));

        Assert.True(PageCursor.TryDecode(cursor, PageScopes.ShopperMerchantTransactions("shop"), out var key));
        Assert.Equal(new MerchantPosition(T1, 3), MerchantPosition.FromCursorKey(key));
        Assert.Equal(3, key!.Count);
        Assert.False(PageCursor.TryDecode(cursor, PageScopes.ShopperMerchantTransactions("other-shop"), out _));
        Assert.False(PageCursor.TryDecode(cursor, PageScopes.MerchantTransactions("shop"), out _));
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("1000", true)]
    [InlineData("1001", false)]
    [InlineData("-1", false)]
    [InlineData("", false)]
    [InlineData("1e3", false)]
    public void Only_a_small_whole_count_is_a_position(string value, bool admitted) => Assert.Equal(admitted, MerchantPosition.IsCount(value));
}
