using static ServiceDefaults.DynamoDb.AttributeValues;

namespace Cart.Api.Carts;

/// <summary>Reads and writes carts in DynamoDB; every change is one transaction guarded by the header's version.</summary>
internal sealed class CartStore(IAmazonDynamoDB dynamoDb, IOptions<DynamoDbOptions> options)
{
    private string TableName => options.Value.TableName(CartTable.LogicalName);

    /// <summary>Writes a new cart header, and the device's active-cart pointer in the same transaction.</summary>
    public Task CreateAsync(CartHeader header, CancellationToken cancellationToken) =>
        dynamoDb.TransactWriteItemsAsync(CartWrites.Create(TableName, header), cancellationToken);

    /// <summary>The cart's header, lines and discounts from one strongly consistent query, or null when there is no header.</summary>
    public async Task<CartSnapshot?> LoadAsync(string cartId, CancellationToken cancellationToken)
    {
        CartHeader? header = null;
        var lines = new List<CartLine>();
        var discounts = new List<DiscountLine>();
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var page = await dynamoDb.QueryAsync(new QueryRequest
            {
                TableName = TableName,
                ConsistentRead = true,
                KeyConditionExpression = "#pk = :pk",
                ExpressionAttributeNames = new() { ["#pk"] = CartAttributes.PartitionKey },
                ExpressionAttributeValues = new() { [":pk"] = S(CartKeys.CartPk(cartId)) },
                ExclusiveStartKey = startKey,
            }, cancellationToken);

            foreach (var item in page.Items ?? [])
            {
                var sk = item.GetString(CartAttributes.SortKey);
                if (sk == CartKeys.Meta)
                {
                    header = CartItemMapper.ToHeader(item);
                }
                else if (CartKeys.IsDiscountSk(sk))
                {
                    discounts.Add(CartItemMapper.ToDiscount(item));
                }
                else if (CartKeys.IsItemSk(sk))
                {
                    lines.Add(CartItemMapper.ToLine(item));
                }
            }

            startKey = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (startKey is not null);

        return header is null ? null : new CartSnapshot(header, lines, discounts);
    }

    /// <summary>Commits a line addition; false when another writer moved the version first (re-read and retry).</summary>
    public async Task<bool> TryAddToLineAsync(CartHeader before, CartEdit edit, int delta, CancellationToken cancellationToken)
    {
        try
        {
            await dynamoDb.TransactWriteItemsAsync(
                CartWrites.AddToLine(TableName, before, edit.Cart.Header, edit.Line, delta),
                cancellationToken);
            return true;
        }
        catch (TransactionCanceledException exception) when (IsLostRace(exception))
        {
            return false;
        }
    }

    private static bool IsLostRace(TransactionCanceledException exception) =>
        exception.CancellationReasons?.Any(reason => reason.Code is "ConditionalCheckFailed" or "TransactionConflict") ?? false;
}
