using Cart.Api.Model;

namespace UnitTests.Commerce;

public sealed class StockPlannerTests
{
    private static IReadOnlyDictionary<string, IReadOnlyList<StockShard>> Shards(string sku, params long[] available) =>
        new Dictionary<string, IReadOnlyList<StockShard>> { [sku] = [.. available.Select((units, shard) => new StockShard(sku, shard, units))] };

    [Fact]
    public void A_quantity_one_shard_covers_is_taken_from_the_random_first_shard()
    {
        var plan = StockPlanner.Plan(new Dictionary<string, int> { ["A"] = 2 }, Shards("A", 5, 5, 5, 5), _ => 2);

        Assert.True(plan.IsCovered);
        Assert.Equal([new StockTake("A", 2, 2)], plan.Takes);
    }

    [Fact]
    public void An_empty_first_shard_falls_over_to_the_next_ones_in_turn_wrapping_around()
    {
        var plan = StockPlanner.Plan(new Dictionary<string, int> { ["A"] = 4 }, Shards("A", 3, 0, 0, 2), _ => 2);

        Assert.Equal([new StockTake("A", 3, 2), new StockTake("A", 0, 2)], plan.Takes);
    }

    [Fact]
    public void More_than_every_shard_holds_together_is_short_and_names_the_sku()
    {
        var plan = StockPlanner.Plan(new Dictionary<string, int> { ["A"] = 11, ["B"] = 1 },
            new Dictionary<string, IReadOnlyList<StockShard>> { ["A"] = [new("A", 0, 5), new("A", 1, 5)], ["B"] = [new("B", 0, 1)] }, _ => 0);

        Assert.False(plan.IsCovered);
        Assert.Equal(["A"], plan.ShortSkus);
    }

    [Fact]
    public void A_negative_shard_is_never_taken_from()
    {
        var plan = StockPlanner.Plan(new Dictionary<string, int> { ["A"] = 1 }, Shards("A", -3, 1), _ => 0);

        Assert.Equal([new StockTake("A", 1, 1)], plan.Takes);
    }

    [Theory]
    [InlineData(100, 8, new long[] { 13, 13, 13, 13, 12, 12, 12, 12 })]
    [InlineData(3, 4, new long[] { 1, 1, 1, 0 })]
    [InlineData(0, 2, new long[] { 0, 0 })]
    public void Stock_spreads_over_shards_as_evenly_as_whole_units_allow(long quantity, int shards, long[] expected) =>
        Assert.Equal(expected, StockPlanner.Spread(quantity, shards));
}
