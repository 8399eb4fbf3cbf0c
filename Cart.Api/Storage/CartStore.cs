using Cart.Api.Model;
using DynamoDbStorage.Telemetry;
using Idempotency;
using static DynamoDbStorage.AttributeValues;

namespace Cart.Api.Storage;

/// <summary>Reads and writes carts in DynamoDB; every change is one transaction guarded by the header's version.</summary>
internal sealed class CartStore(IAmazonDynamoDB dynamoDb, DynamoDbMetrics metrics, IOptions<DynamoDbOptions> options)
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
    /// strongly in one <c>BatchGetItem</c> rather than one round trip each.
    /// </summary>
    public async Task<Dictionary<string, string>> FindActiveCartIdsAsync(IReadOnlyCollection<string> pointerPks, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var keys = new KeysAndAttributes { ConsistentRead = true, Keys = [.. pointerPks.Distinct(StringComparer.Ordinal).Select(pk => CartWrites.Key(pk, CartKeys.ActiveCart))] };
        while (keys.Keys.Count > 0)
        {
            var response = await dynamoDb.BatchGetItemAsync(new BatchGetItemRequest { RequestItems = new() { [TableName] = keys } }, cancellationToken);
            foreach (var item in response.Responses?.GetValueOrDefault(TableName) ?? [])
            {
                if (item.GetStringOrNull(CartAttributes.CartId) is { } cartId)
                {
                    found[item.GetString(CartAttributes.PartitionKey)] = cartId;
                }
            }

            // Keys DynamoDB did not get to (throttled or over its size limit) are asked again.
            keys = response.UnprocessedKeys?.GetValueOrDefault(TableName) is { Keys.Count: > 0 } unprocessed
                ? new KeysAndAttributes { ConsistentRead = true, Keys = unprocessed.Keys }
                : new KeysAndAttributes { Keys = [] };
        }

        return found;
    }

    /// <summary>
    /// Commits <paramref name="items"/> with the idempotency completion (when there is a claim) in the same transaction.
    /// A lost race (a condition on the cart, or a transaction conflict) asks for a fresh read; a key that turned out to be
    /// another request's is left to the idempotency filter; throttling is reported as such, so callers back off.
    /// </summary>
    public async Task<CommitResult> CommitAsync<TBody>(
        List<TransactWriteItem> items, IdempotencyContext? idempotency, Completion<TBody> completion, int attempt, CancellationToken cancellationToken) =>
        (await CommitAttemptAsync(items, idempotency, completion, attempt, cancellationToken)).Result;

    /// <summary><see cref="CommitAsync"/>, also saying which item's condition failed (-1 when none did), for callers that answer differently per item.</summary>
    public async Task<CommitAttempt> CommitAttemptAsync<TBody>(
        List<TransactWriteItem> items, IdempotencyContext? idempotency, Completion<TBody> completion, int attempt, CancellationToken cancellationToken)
    {
        var transaction = new List<TransactWriteItem>(items);
        var idempotencyIndex = -1;
        if (idempotency is not null)
        {
            idempotencyIndex = transaction.Count;
            transaction.Add(idempotency.CompletionItem(completion.StatusCode, completion.Body, completion.ETag, completion.Location));
        }

        try
        {
            await dynamoDb.TransactWriteItemsAsync(new TransactWriteItemsRequest
            {
                TransactItems = transaction,
                ClientRequestToken = idempotency?.ClientRequestToken(attempt),
            }, cancellationToken);
            idempotency?.MarkCommitted();
            return new(CommitResult.Committed, -1);
        }
        catch (TransactionCanceledException exception)
        {
            var cancellation = TransactCancellation.From(exception.CancellationReasons, idempotencyIndex >= 0 ? idempotencyIndex : null);
            metrics.TransactionFailed(cancellation.Kind);
            switch (cancellation.Kind)
            {
                case CancellationKind.KeyTaken:
                    idempotency!.MarkKeyTaken();
                    return new(CommitResult.KeyTaken, cancellation.ItemIndex);
                case CancellationKind.ConditionFailed:
                    return new(CommitResult.Conflict, cancellation.ItemIndex);
                case CancellationKind.TransactionConflict:
                    return new(CommitResult.Conflict, -1);
                case CancellationKind.Throttled:
                    return new(CommitResult.Throttled, -1);
                default:
                    throw;
            }
        }
        catch (Exception exception) when (exception is TransactionConflictException or TransactionInProgressException)
        {
            metrics.TransactionFailed(CancellationKind.TransactionConflict);
            return new(CommitResult.Conflict, -1);
        }
    }
}

/// <summary>What a commit attempt came to.</summary>
internal enum CommitResult
{
    Committed,

    /// <summary>The cart (or a pointer) moved since it was read: read again and retry, or answer 409.</summary>
    Conflict,

    /// <summary>The Idempotency-Key is another request's (it completed, or holds the key): the filter answers from its record.</summary>
    KeyTaken,

    /// <summary>DynamoDB throttled the transaction: back off and retry inside the write budget, then answer 503.</summary>
    Throttled,
}

/// <summary>A commit's result, and the index of the item whose condition failed (-1 when none did).</summary>
internal readonly record struct CommitAttempt(CommitResult Result, int FailedItem);

/// <summary>The response a commit records for its Idempotency-Key.</summary>
internal sealed record Completion<TBody>(int StatusCode, TBody Body, string? ETag, string? Location = null);
