using Cart.Api.Catalog;

namespace UnitTests.Commerce;

public sealed class SeedStockTests
{
    [Fact]
    public void Every_sku_gets_the_default_and_the_hot_ones_more_units_over_more_shards()
    {
        var options = new SeedStockOptions { Quantity = 50, Shards = 1, HotSkus = " SKU-2 ,SKU-9", HotQuantity = 800, HotShards = 8 };

        var plan = SeedStock.Plan(["SKU-1", "SKU-2", "SKU-3"], options);

        Assert.Equal([new("SKU-1", 50, 1), new("SKU-2", 800, 8), new SeedStock("SKU-3", 50, 1)], plan);
    }

    [Fact]
    public void A_default_of_zero_leaves_all_but_the_hot_skus_untracked()
    {
        var plan = SeedStock.Plan(["SKU-1", "SKU-101"], new SeedStockOptions { Quantity = 0 });

        Assert.Equal([new SeedStock("SKU-101", 10_000, 8)], plan);
    }

    [Fact]
    public void By_default_only_the_hot_skus_are_stocked()
    {
        // Stocking every product in one shard made each busy product a single-item hot spot (the resilience suite's
        // checkouts queued on them from the first second), so ordinary products stay untracked unless configured.
        var plan = SeedStock.Plan(["SKU-1", "SKU-101"], new SeedStockOptions());

        Assert.Equal([new SeedStock("SKU-101", 10_000, 8)], plan);
    }
}
