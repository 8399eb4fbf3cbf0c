using Cart.Api.Model;
using Xunit;

namespace UnitTests.Carts;

public class MergeCombinerTests
{
    private static CartLine Line(string sku, int qty, string updatedAt, long? price = null, string lineKey = LineKey.Empty) =>
        new(sku, lineKey, qty, new Dictionary<string, string>(), price is { } amount ? new Money(amount, "USD") : null, null, updatedAt);

    [Fact]
    public void Lines_of_the_same_sku_and_attributes_are_summed()
    {
        var merged = MergeCombiner.Combine([Line("A", 2, "t1")], [Line("A", 3, "t2")]);

        Assert.Equal(5, Assert.Single(merged).Qty);
    }

    [Fact]
    public void The_same_sku_with_other_attributes_stays_a_separate_line()
    {
        var merged = MergeCombiner.Combine([Line("A", 1, "t1", lineKey: "size:M")], [Line("A", 1, "t2", lineKey: "size:L")]);

        Assert.Equal(2, merged.Count);
    }

    [Fact]
    public void A_summed_quantity_is_capped_at_999()
    {
        var merged = MergeCombiner.Combine([Line("A", 600, "t1")], [Line("A", 600, "t2")]);

        Assert.Equal(999, Assert.Single(merged).Qty);
    }

    [Fact]
    public void The_most_recent_price_snapshot_wins_whichever_cart_it_is_in()
    {
        Assert.Equal(200, Assert.Single(MergeCombiner.Combine([Line("A", 1, "t1", 100)], [Line("A", 1, "t2", 200)])).PriceSnapshot!.Amount);
        Assert.Equal(100, Assert.Single(MergeCombiner.Combine([Line("A", 1, "t3", 100)], [Line("A", 1, "t2", 200)])).PriceSnapshot!.Amount);
    }

    [Fact]
    public void A_newer_line_without_a_snapshot_keeps_the_older_snapshot()
    {
        var merged = MergeCombiner.Combine([Line("A", 1, "t1", 100)], [Line("A", 1, "t2")]);

        Assert.Equal(100, Assert.Single(merged).PriceSnapshot!.Amount);
    }

    [Fact]
    public void Lines_the_guest_does_not_touch_are_the_same_instances()
    {
        var untouched = Line("A", 1, "t1");

        var merged = MergeCombiner.Combine([untouched], [Line("B", 1, "t2")]);

        Assert.Same(untouched, merged.Single(line => line.Sku == "A"));
        Assert.Equal(["A", "B"], merged.Select(line => line.Sku));
    }

    [Fact]
    public void Promo_codes_of_both_lines_are_kept()
    {
        var merged = MergeCombiner.Combine(
            [Line("A", 1, "t1") with { PromoCodes = ["X"] }],
            [Line("A", 1, "t2") with { PromoCodes = ["Y", "X"] }]);

        Assert.Equal(["X", "Y"], Assert.Single(merged).PromoCodes);
    }
}
