using System.ComponentModel.DataAnnotations;
using Cart.Api.Storage;

namespace Cart.Api.Catalog;

/// <summary>
/// The stock the development seed gives its products (section <c>Carts:SeedStock</c>): every product
/// <see cref="Quantity"/> units in <see cref="Shards"/> shards, the hot SKUs of a flash sale more units over more shards.
/// Written once per SKU, only where its stock is not tracked yet; a quantity of 0 (the default) leaves those products
/// untracked. Only the hot SKUs are stocked by default: a product stocked in one shard makes every checkout that buys it
/// meet on one item, so stocking all 3,000 turned each busy product of a development run into a flash sale of its own
/// (the resilience suite's 40 carts/s of checkouts then queued on single shards and timed out from the start).
/// </summary>
internal sealed class SeedStockOptions
{
    public const string SectionName = "Carts:SeedStock";

    [Range(0L, StockKeys.MaxQuantity)]
    public long Quantity { get; set; }

    [Range(1, StockKeys.MaxShards)]
    public int Shards { get; set; } = 1;

    /// <summary>Comma-separated SKUs stocked as a flash sale's hot items.</summary>
    public string HotSkus { get; set; } = "SKU-101,SKU-102,SKU-103";

    [Range(0L, StockKeys.MaxQuantity)]
    public long HotQuantity { get; set; } = 10_000;

    [Range(1, StockKeys.MaxShards)]
    public int HotShards { get; set; } = 8;
}

[OptionsValidator]
internal sealed partial class SeedStockOptionsValidator : IValidateOptions<SeedStockOptions>;

/// <summary>The stock the seed gives one SKU.</summary>
internal sealed record SeedStock(string Sku, long Quantity, int Shards)
{
    /// <summary>Which of <paramref name="skus"/> the seed stocks, and how; those with no units stay untracked.</summary>
    public static IReadOnlyList<SeedStock> Plan(IEnumerable<string> skus, SeedStockOptions options)
    {
        var hot = options.HotSkus.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        return [.. skus
            .Select(sku => hot.Contains(sku) ? new SeedStock(sku, options.HotQuantity, options.HotShards) : new SeedStock(sku, options.Quantity, options.Shards))
            .Where(stock => stock.Quantity > 0)];
    }
}
