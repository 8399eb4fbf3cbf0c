using Cart.Api.Model;

namespace Cart.Api.Storage;

/// <summary>A validated category listing: which category, in which price order, within which prices, how many per page.</summary>
internal sealed record BrowseQuery(string Category, bool Descending, long MinPrice, long MaxPrice, int Limit)
{
    /// <summary>
    /// The cursor scope of this listing: the category's index partition, sort keys within the price range, product
    /// rows only, and bound to the order and bounds, so a cursor of another listing is refused rather than misread.
    /// </summary>
    public CursorScope CursorScope()
    {
        var (lower, upper) = CatalogKeys.PriceRange(MinPrice, MaxPrice);
        return new CursorScope()
            .Exactly(CartAttributes.Gsi1PartitionKey, CatalogKeys.CategoryPk(Category))
            .Between(CartAttributes.Gsi1SortKey, lower, upper)
            .StartingWith(CartAttributes.PartitionKey, CatalogKeys.ProductPkPrefix)
            .Exactly(CartAttributes.SortKey, CartKeys.Catalog)
            .BoundTo(string.Create(CultureInfo.InvariantCulture, $"{(Descending ? "-" : "")}price|{MinPrice}|{MaxPrice}"));
    }
}
