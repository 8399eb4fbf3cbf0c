using Cart.Api.Model;
using Idempotency;
using Idempotency.Transactions;
using static DynamoDbStorage.AttributeValues;

namespace Cart.Api.Storage;

/// <summary>Reads and writes carts in DynamoDB; every change is one transaction guarded by the header's version.</summary>
internal sealed class CartStore(IAmazonDynamoDB dynamoDb, IdempotentTransactions transactions, IOptions<DynamoDbOptions> options, TimeProvider time)
{
    public string TableName => options.Value.TableName(CartTable.LogicalName);

    /// <summary>
    /// The cart as <paramref name="caller"/> may see it at <paramref name="now"/>: absent, expired (DynamoDB Local never
    /// deletes by TTL) and someone else's all read as null, so a 404 is no existence oracle.
    /// </summary>
    public async Task<CartSnapshot?> LoadVisibleAsync(string cartId, CartCaller caller, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cart = await LoadAsync(cartId, cancellationToken);
        return cart is not null && cart.Header.IsVisibleTo(caller, now) ? cart : null;
    }

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
                KeyConditionExpression = "#pk = :pk AND #sk >= :from",
                ExpressionAttributeNames = new() { ["#pk"] = CartAttributes.PartitionKey, ["#sk"] = CartAttributes.SortKey },
                ExpressionAttributeValues = new() { [":pk"] = S(CartKeys.CartPk(cartId)), [":from"] = S(CartKeys.CartReadFrom) },
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

    /// <summary>The cart a user's (or device's) <c>ACTIVE_CART</c> pointer names, read strongly.</summary>
    public async Task<string?> FindActiveCartIdAsync(string pointerPk, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = TableName,
            Key = CartWrites.Key(pointerPk, CartKeys.ActiveCart),
            ConsistentRead = true,
        }, cancellationToken);
        return response.Item is { Count: > 0 } item ? item.GetStringOrNull(CartAttributes.CartId) : null;
    }

    /// <summary>
    /// The carts several <c>ACTIVE_CART</c> pointers name (pointer PK → cart id; absent pointers are left out), read
    /// strongly in one <c>BatchGetItem</c> rather than one round trip each; keys DynamoDB leaves unprocessed are asked
    /// again, and a throttling exception ends it when they stay so (<see cref="BatchGetRetries"/>).
    /// </summary>
    public async Task<Dictionary<string, string>> FindActiveCartIdsAsync(IReadOnlyCollection<string> pointerPks, CancellationToken cancellationToken)
    {
        var keys = pointerPks.Distinct(StringComparer.Ordinal).Select(pk => CartWrites.Key(pk, CartKeys.ActiveCart));
        var items = await dynamoDb.BatchGetAllAsync(TableName, keys, consistentRead: true, time, cancellationToken);
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item.GetStringOrNull(CartAttributes.CartId) is { } cartId)
            {
                found[item.GetString(CartAttributes.PartitionKey)] = cartId;
            }
        }

        return found;
    }

    /// <summary>
    /// Commits <paramref name="items"/> with the idempotency completion (when there is a claim) in the same transaction
    /// (<see cref="IdempotentTransactions"/>): a lost race asks for a fresh read, a key that turned out to be another
    /// request's is left to the idempotency filter, throttling is reported as such, so callers back off.
    /// </summary>
    public Task<CommitOutcome> CommitAsync(
        List<TransactWriteItem> items, IdempotencyContext? idempotency, TransactionCompletion? completion, int attempt, CancellationToken cancellationToken) =>
        transactions.CommitAsync(items, idempotency, completion, attempt, cancellationToken);
}
