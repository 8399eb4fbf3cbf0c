namespace Cart.Api.Model;

/// <summary>A <c>PRODUCT#&lt;sku&gt;</c> catalog entry: the price checkout charges.</summary>
internal sealed record Product(string Sku, string Name, Money Price)
{
    /// <summary>The category it is listed under (its GSI1 partition); a product without one is not browsable.</summary>
    public string? Category { get; init; }

    /// <summary>How many shards hold its stock; null when its stock is not tracked (made to order, digital).</summary>
    public int? StockShards { get; init; }
}
