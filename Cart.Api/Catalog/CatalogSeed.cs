namespace Cart.Api.Catalog;

/// <summary>The development catalog: deterministic products <c>SKU-1</c>..<c>SKU-300</c> and a handful of promo codes.</summary>
internal static class CatalogSeed
{
    public const int ProductCount = 300;

    /// <summary>Priced in USD except every tenth SKU (EUR), so currency consistency has something to check.</summary>
    public static IEnumerable<Product> Products() => Enumerable.Range(1, ProductCount).Select(n => new Product(
        $"SKU-{n}",
        $"Product {n}",
        new Money(100 + (n * 37 % 9_900), n % 10 == 0 ? "EUR" : "USD")));

    public static IEnumerable<Promotion> Promotions() =>
    [
        new("SAVE10", PromotionKind.Percentage, PromotionScope.Cart, 10, null, "10% off the cart"),
        new("TAKE5", PromotionKind.Fixed, PromotionScope.Cart, 500, "USD", "5.00 USD off the cart"),
        new("ITEM20", PromotionKind.Percentage, PromotionScope.Item, 20, null, "20% off this item"),
        new("UNIT1", PromotionKind.Fixed, PromotionScope.Item, 100, "USD", "1.00 USD off each unit"),
    ];
}
