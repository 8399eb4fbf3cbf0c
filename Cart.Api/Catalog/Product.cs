namespace Cart.Api.Catalog;

/// <summary>A <c>PRODUCT#&lt;sku&gt;</c> catalog entry: the price checkout charges.</summary>
internal sealed record Product(string Sku, string Name, Money Price);
