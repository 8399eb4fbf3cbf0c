using Cart.Api.Model;

using static DynamoDbStorage.AttributeValues;

namespace Cart.Api.Storage;

/// <summary>Reads products and promotions (<c>PRODUCT#</c>, <c>PROMO#</c> items of the <c>carts</c> table) and seeds them once (<c>SEED#catalog</c>).</summary>
internal sealed class CatalogStore(IAmazonDynamoDB dynamoDb, IOptions<DynamoDbOptions> options, TimeProvider time)
{
    // A few thousand products load in a couple of seconds with a handful of batches in flight; more only queues.
    private const int SeedWritesInFlight = 4;

    private const string SeedMarkerPk = "SEED#catalog";
    private const string SeedStatusAttribute = "seedStatus";
    private const string SeedLeaseAttribute = "leaseUntil";
    private const string SeedInProgress = "IN_PROGRESS";
    private const string SeedDone = "DONE";

    // Writing the catalog takes seconds; an instance that died while seeding is taken over after this.
    private static readonly TimeSpan SeedLease = TimeSpan.FromMinutes(1);

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

    /// <summary>
    /// Writes the seed catalog once for every instance that starts against the table: the first to claim the seed
    /// marker (<c>SEED#catalog</c>, a conditional write) writes it and marks it done; the others answer
    /// <see cref="CatalogSeeding.InProgressElsewhere"/> until then, and <see cref="CatalogSeeding.Present"/> after. A
    /// claim whose instance died is taken over once its lease has passed. Two cart-api replicas starting together used to
    /// write the 3,000 products each, and the second judged the catalog present from its last product while the first's
    /// batches, written in parallel, could still be missing others.
    /// </summary>
    public async Task<CatalogSeeding> SeedIfAbsentAsync(string currency, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var marker = await dynamoDb.GetItemAsync(new GetItemRequest { TableName = TableName, Key = Key(SeedMarkerPk), ConsistentRead = true }, cancellationToken);
        if (marker.Item is { Count: > 0 } found && found.GetValueOrDefault(SeedStatusAttribute)?.S == SeedDone)
        {
            return CatalogSeeding.Present;
        }

        if (marker.Item is not { Count: > 0 } && await IsSeededWithoutMarkerAsync(cancellationToken))
        {
            // Seeded before the marker existed, and perhaps repriced since: never rewritten, only marked done.
            return await TryPutSeedMarkerAsync(SeedMarker(SeedDone, leaseUntil: 0), now, cancellationToken) ? CatalogSeeding.Present : CatalogSeeding.InProgressElsewhere;
        }

        if (!await TryPutSeedMarkerAsync(SeedMarker(SeedInProgress, (now + SeedLease).ToUnixTimeSeconds()), now, cancellationToken))
        {
            return CatalogSeeding.InProgressElsewhere;
        }

        var items = CatalogSeed.Categories.Select(CatalogItemMapper.ToItem)
            .Concat(CatalogSeed.Products(currency).Select(CatalogItemMapper.ToItem))
            .Concat(CatalogSeed.Promotions().Select(CatalogItemMapper.ToItem));
        await PutAllAsync(items, cancellationToken);
        await dynamoDb.PutItemAsync(new PutItemRequest { TableName = TableName, Item = SeedMarker(SeedDone, leaseUntil: 0) }, cancellationToken);
        return CatalogSeeding.Written;
    }

    /// <summary>A catalog written by a start before the seed marker existed: its last product and promotion are there.</summary>
    private async Task<bool> IsSeededWithoutMarkerAsync(CancellationToken cancellationToken) =>
        (await BatchGetAsync([CartKeys.ProductPk(CatalogSeed.Skus().Last()), CartKeys.PromoPk(CatalogSeed.Promotions().Last().Code)], cancellationToken)).Count == 2;

    /// <summary>
    /// Writes the seed marker (a claim, or done) unless another instance holds a live claim or the seed is done: false
    /// then. A claim whose lease has passed is taken over.
    /// </summary>
    private async Task<bool> TryPutSeedMarkerAsync(Dictionary<string, AttributeValue> marker, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await dynamoDb.PutItemAsync(new PutItemRequest
            {
                TableName = TableName,
                Item = marker,
                ConditionExpression = "attribute_not_exists(#pk) OR (#status = :inProgress AND #lease < :now)",
                ExpressionAttributeNames = new() { ["#pk"] = CartAttributes.PartitionKey, ["#status"] = SeedStatusAttribute, ["#lease"] = SeedLeaseAttribute },
                ExpressionAttributeValues = new() { [":inProgress"] = S(SeedInProgress), [":now"] = N(now.ToUnixTimeSeconds()) },
            }, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    private static Dictionary<string, AttributeValue> SeedMarker(string status, long leaseUntil)
    {
        var item = Key(SeedMarkerPk);
        item[SeedStatusAttribute] = S(status);
        item[SeedLeaseAttribute] = N(leaseUntil);
        return item;
    }

    /// <summary>
    /// Sets a product's price and moves it in the category index (its GSI1 sort key is the price) in the same write,
    /// so the listing and the price checkout charges never disagree. Null when there is no such product.
    /// </summary>
    public async Task<Product?> ChangePriceAsync(string sku, Money price, CancellationToken cancellationToken)
    {
        try
        {
            var response = await dynamoDb.UpdateItemAsync(new Amazon.DynamoDBv2.Model.UpdateItemRequest
            {
                TableName = TableName,
                Key = Key(CartKeys.ProductPk(sku)),
                ConditionExpression = "attribute_exists(#pk)",
                UpdateExpression = "SET #price = :price, #gsi1sk = :priceSk",
                ExpressionAttributeNames = new()
                {
                    ["#pk"] = CartAttributes.PartitionKey,
                    ["#price"] = CartAttributes.Price,
                    ["#gsi1sk"] = CartAttributes.Gsi1SortKey,
                },
                ExpressionAttributeValues = new()
                {
                    [":price"] = CartItemMapper.ToMoney(price),
                    [":priceSk"] = S(CatalogKeys.PriceSk(price.Amount, sku)),
                },
                ReturnValues = ReturnValue.ALL_NEW,
            }, cancellationToken);
            return CatalogItemMapper.ToProduct(response.Attributes);
        }
        catch (ConditionalCheckFailedException)
        {
            return null;
        }
    }

    /// <summary>
    /// BatchWriteItem in chunks of 25, a few in flight, each sent again on its unprocessed items after throttling pauses
    /// (<see cref="BatchWriteRetries"/>); items DynamoDB keeps leaving end it with a throttling exception, which the
    /// seeder treats as transient.
    /// </summary>
    public async Task PutAllAsync(IEnumerable<Dictionary<string, AttributeValue>> items, CancellationToken cancellationToken)
    {
        var chunks = items.Select(item => new WriteRequest { PutRequest = new PutRequest { Item = item } }).Chunk(BatchWriteRetries.ItemsPerRequest);
        await Parallel.ForEachAsync(
            chunks,
            new ParallelOptions { MaxDegreeOfParallelism = SeedWritesInFlight, CancellationToken = cancellationToken },
            async (chunk, token) => await dynamoDb.BatchWriteAllAsync(TableName, chunk, time, token));
    }

    /// <summary>The catalog items among <paramref name="partitionKeys"/>, all of them or a throttling exception (<see cref="BatchGetRetries"/>).</summary>
    private Task<List<Dictionary<string, AttributeValue>>> BatchGetAsync(IEnumerable<string> partitionKeys, CancellationToken cancellationToken) =>
        dynamoDb.BatchGetAllAsync(TableName, partitionKeys.Select(Key), consistentRead: false, time, cancellationToken);

    private static Dictionary<string, AttributeValue> Key(string pk) => new()
    {
        [CartAttributes.PartitionKey] = S(pk),
        [CartAttributes.SortKey] = S(CartKeys.Catalog),
    };
}
