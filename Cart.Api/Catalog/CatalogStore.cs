using static DynamoDbStorage.AttributeValues;

namespace Cart.Api.Catalog;

/// <summary>Reads products and promotions (<c>PRODUCT#</c>, <c>PROMO#</c> items of the <c>carts</c> table) and seeds them.</summary>
internal sealed class CatalogStore(IAmazonDynamoDB dynamoDb, IOptions<DynamoDbOptions> options)
{
    private const int BatchGetLimit = 100;
    private const int BatchWriteLimit = 25;

    public string TableName => options.Value.TableName(CartTable.LogicalName);

    public async Task<Product?> FindProductAsync(string sku, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = TableName,
            Key = Key(CartKeys.ProductPk(sku)),
        }, cancellationToken);
        return response.Item is { Count: > 0 } item ? CatalogItemMapper.ToProduct(item) : null;
    }

    /// <summary>The products that exist among <paramref name="skus"/>, by SKU; absent ones are simply missing.</summary>
    public async Task<IReadOnlyDictionary<string, Product>> FindProductsAsync(IEnumerable<string> skus, CancellationToken cancellationToken)
    {
        var items = await BatchGetAsync(skus.Distinct(StringComparer.Ordinal).Select(CartKeys.ProductPk), cancellationToken);
        return items.Select(CatalogItemMapper.ToProduct).ToDictionary(product => product.Sku, StringComparer.Ordinal);
    }

    /// <summary>The promotions that exist among <paramref name="codes"/>, by code.</summary>
    public async Task<IReadOnlyDictionary<string, Promotion>> FindPromotionsAsync(IEnumerable<string> codes, CancellationToken cancellationToken)
    {
        var distinct = codes.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
        {
            return new Dictionary<string, Promotion>(StringComparer.Ordinal);
        }

        var byPk = distinct.ToDictionary(CartKeys.PromoPk, code => code, StringComparer.Ordinal);
        var items = await BatchGetAsync(byPk.Keys, cancellationToken);
        return items
            .Select(item => CatalogItemMapper.ToPromotion(byPk[item.GetString(CartAttributes.PartitionKey)], item))
            .ToDictionary(promotion => promotion.Code, StringComparer.Ordinal);
    }

    /// <summary>Writes the seed catalog unless its last entries are already there (cheap on every start after the first).</summary>
    public async Task<bool> SeedIfAbsentAsync(CancellationToken cancellationToken)
    {
        var products = CatalogSeed.Products().ToList();
        var promotions = CatalogSeed.Promotions().ToList();
        var present = await BatchGetAsync([CartKeys.ProductPk(products[^1].Sku), CartKeys.PromoPk(promotions[^1].Code)], cancellationToken);
        if (present.Count == 2)
        {
            return false;
        }

        var writes = products.Select(CatalogItemMapper.ToItem).Concat(promotions.Select(CatalogItemMapper.ToItem))
            .Select(item => new WriteRequest { PutRequest = new PutRequest { Item = item } })
            .ToList();
        foreach (var chunk in writes.Chunk(BatchWriteLimit))
        {
            var pending = new Dictionary<string, List<WriteRequest>> { [TableName] = [.. chunk] };
            for (var attempt = 0; pending.Count > 0 && attempt < 10; attempt++)
            {
                var response = await dynamoDb.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = pending }, cancellationToken);
                pending = response.UnprocessedItems is { Count: > 0 } unprocessed ? unprocessed : [];
            }
        }

        return true;
    }

    private async Task<List<Dictionary<string, AttributeValue>>> BatchGetAsync(IEnumerable<string> partitionKeys, CancellationToken cancellationToken)
    {
        var found = new List<Dictionary<string, AttributeValue>>();
        foreach (var chunk in partitionKeys.Chunk(BatchGetLimit))
        {
            var pending = new Dictionary<string, KeysAndAttributes>
            {
                [TableName] = new KeysAndAttributes { Keys = chunk.Select(Key).ToList() },
            };
            for (var attempt = 0; pending.Count > 0 && attempt < 10; attempt++)
            {
                var response = await dynamoDb.BatchGetItemAsync(new BatchGetItemRequest { RequestItems = pending }, cancellationToken);
                if (response.Responses?.TryGetValue(TableName, out var items) == true)
                {
                    found.AddRange(items);
                }

                pending = response.UnprocessedKeys is { Count: > 0 } unprocessed ? unprocessed : [];
            }
        }

        return found;
    }

    private static Dictionary<string, AttributeValue> Key(string pk) => new()
    {
        [CartAttributes.PartitionKey] = S(pk),
        [CartAttributes.SortKey] = S(CartKeys.Catalog),
    };
}
