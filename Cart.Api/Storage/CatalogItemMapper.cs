using Cart.Api.Model;

using static DynamoDbStorage.AttributeValues;

namespace Cart.Api.Storage;

/// <summary>Maps products and promotions to and from <c>carts</c> table items.</summary>
internal static class CatalogItemMapper
{
    /// <summary>A product; one with a category also carries the GSI1 keys that list it by price (the index is sparse).</summary>
    public static Dictionary<string, AttributeValue> ToItem(Product product)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [CartAttributes.PartitionKey] = S(CartKeys.ProductPk(product.Sku)),
            [CartAttributes.SortKey] = S(CartKeys.Catalog),
            [CartAttributes.Sku] = S(product.Sku),
            [CartAttributes.Name] = S(product.Name),
            [CartAttributes.Price] = CartItemMapper.ToMoney(product.Price),
        };
        if (product.Category is { } category)
        {
            item[CartAttributes.Category] = S(category);
            item[CartAttributes.Gsi1PartitionKey] = S(CatalogKeys.CategoryPk(category));
            item[CartAttributes.Gsi1SortKey] = S(CatalogKeys.PriceSk(product.Price.Amount, product.Sku));
        }

        if (product.StockShards is { } shards)
        {
            item[CartAttributes.StockShards] = N(shards);
        }

        return item;
    }

    public static Dictionary<string, AttributeValue> ToItem(Category category) => new()
    {
        [CartAttributes.PartitionKey] = S(CatalogKeys.CategoriesPk),
        [CartAttributes.SortKey] = S(CatalogKeys.CategorySk(category.Slug)),
        [CartAttributes.Name] = S(category.Name),
    };

    public static Category ToCategory(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var slug = CatalogKeys.CategoryOf(item.GetString(CartAttributes.SortKey));
        return new Category(slug, item.GetStringOrNull(CartAttributes.Name) ?? slug);
    }

    public static Dictionary<string, AttributeValue> ToItem(Promotion promotion)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [CartAttributes.PartitionKey] = S(CartKeys.PromoPk(promotion.Code)),
            [CartAttributes.SortKey] = S(CartKeys.Catalog),
            [CartAttributes.Kind] = S(promotion.Kind.ToString()),
            [CartAttributes.Scope] = S(promotion.Scope.ToString()),
            [CartAttributes.Value] = N(promotion.Value),
            [CartAttributes.Description] = S(promotion.Description),
        };
        if (promotion.Currency is { } currency)
        {
            item[CartAttributes.Currency] = S(currency);
        }

        return item;
    }

    public static Product ToProduct(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var price = item.GetMapOrNull(CartAttributes.Price) ?? throw new InvalidDataException("A product without a price.");
        return new Product(
            item.GetString(CartAttributes.Sku),
            item.GetStringOrNull(CartAttributes.Name) ?? string.Empty,
            new Money(price.GetLong(CartAttributes.Amount), price.GetString(CartAttributes.Currency)))
        {
            Category = item.GetStringOrNull(CartAttributes.Category),
            StockShards = item.GetLongOrNull(CartAttributes.StockShards) is { } shards ? (int)shards : null,
        };
    }

    public static Promotion ToPromotion(string code, IReadOnlyDictionary<string, AttributeValue> item) => new(
        code,
        Enum.Parse<PromotionKind>(item.GetString(CartAttributes.Kind)),
        Enum.Parse<PromotionScope>(item.GetString(CartAttributes.Scope)),
        item.GetLong(CartAttributes.Value),
        item.GetStringOrNull(CartAttributes.Currency),
        item.GetStringOrNull(CartAttributes.Description) ?? code);
}
