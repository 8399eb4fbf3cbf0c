using Cart.Api.Model;

using static DynamoDbStorage.AttributeValues;

namespace Cart.Api.Storage;

/// <summary>The catalog's read paths for a storefront: the category list (one Query) and a category by price (GSI1); no Scan.</summary>
internal sealed class CatalogListings(IAmazonDynamoDB dynamoDb, IOptions<DynamoDbOptions> options)
{
    private string TableName => options.Value.TableName(CartTable.LogicalName);

    public async Task<IReadOnlyList<Category>> CategoriesAsync(CancellationToken cancellationToken)
    {
        var items = await dynamoDb.QueryAllAsync(new QueryRequest
        {
            TableName = TableName,
            KeyConditionExpression = "#pk = :pk",
            ExpressionAttributeNames = new() { ["#pk"] = CartAttributes.PartitionKey },
            ExpressionAttributeValues = new() { [":pk"] = S(CatalogKeys.CategoriesPk) },
        }, cancellationToken);
        return [.. items.Select(CatalogItemMapper.ToCategory)];
    }

    public async Task<bool> CategoryExistsAsync(string category, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = TableName,
            Key = new()
            {
                [CartAttributes.PartitionKey] = S(CatalogKeys.CategoriesPk),
                [CartAttributes.SortKey] = S(CatalogKeys.CategorySk(category)),
            },
        }, cancellationToken);
        return response.Item is { Count: > 0 };
    }

    /// <summary>One page of the category's products within the price range, in price order (ties by SKU).</summary>
    public async Task<(IReadOnlyList<Product> Products, Dictionary<string, AttributeValue>? LastKey)> BrowseAsync(
        BrowseQuery query, Dictionary<string, AttributeValue>? startKey, CancellationToken cancellationToken)
    {
        var (lower, upper) = CatalogKeys.PriceRange(query.MinPrice, query.MaxPrice);
        var page = await dynamoDb.QueryAsync(new QueryRequest
        {
            TableName = TableName,
            IndexName = PlatformTables.ProductsByCategory,
            KeyConditionExpression = "#pk = :pk AND #sk BETWEEN :lower AND :upper",
            ExpressionAttributeNames = new() { ["#pk"] = CartAttributes.Gsi1PartitionKey, ["#sk"] = CartAttributes.Gsi1SortKey },
            ExpressionAttributeValues = new()
            {
                [":pk"] = S(CatalogKeys.CategoryPk(query.Category)),
                [":lower"] = S(lower),
                [":upper"] = S(upper),
            },
            ScanIndexForward = !query.Descending,
            Limit = query.Limit,
            ExclusiveStartKey = startKey,
        }, cancellationToken);
        var products = (page.Items ?? []).Select(CatalogItemMapper.ToProduct).ToList();
        return (products, page.LastEvaluatedKey is { Count: > 0 } last ? last : null);
    }
}
