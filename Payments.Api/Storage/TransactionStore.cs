using static DynamoDbStorage.AttributeValues;

namespace Payments.Api.Storage;

/// <summary>Reads transactions and audit entries: by id (GSI1), by account and time (statement), by merchant (GSI3).</summary>
internal sealed class TransactionStore(IAmazonDynamoDB dynamoDb, PaymentsTableName table)
{
    private const int RowsPerShopperRead = 100;
    private const int ShopperReads = 10;

    /// <summary>
    /// A transaction by well-formed id through GSI1, whoever owns it; the caller checks the owner. GSI1 is eventually
    /// consistent: null may mean only that a transaction written a moment ago is not in the index yet
    /// (<see cref="TransactionFinder"/> looks for it in the table then).
    /// </summary>
    public async Task<LedgerTransaction?> FindIndexedAsync(string txnId, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.QueryAsync(new QueryRequest
        {
            TableName = table.Value,
            IndexName = PaymentsTable.TransactionsById,
            KeyConditionExpression = "#pk = :pk",
            ExpressionAttributeNames = new() { ["#pk"] = PaymentAttributes.Gsi1PartitionKey },
            ExpressionAttributeValues = new() { [":pk"] = S(PaymentKeys.TransactionPk(txnId)) },
            Limit = 1,
        }, cancellationToken);

        return response.Items.Count > 0 ? LedgerTransactionMapper.FromItem(response.Items[0]) : null;
    }

    /// <summary>The current state of a transaction from the base table (strongly consistent), for read-modify-write.</summary>
    public async Task<LedgerTransaction?> ReadAsync(LedgerTransaction located, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = table.Value,
            Key = new()
            {
                [PaymentAttributes.PartitionKey] = S(PaymentKeys.AccountPk(located.AccountId)),
                [PaymentAttributes.SortKey] = S(LedgerTransactionMapper.SortKeyOf(located)),
            },
            ConsistentRead = true,
        }, cancellationToken);
        return response.Item is { Count: > 0 } item ? LedgerTransactionMapper.FromItem(item) : null;
    }

    /// <summary>Records a refund on the payment, only if nobody else changed its refunded amount since it was read.</summary>
    public TransactWriteItem RecordRefund(LedgerTransaction payment, long refundedAfter) => new()
    {
        Update = new Update
        {
            TableName = table.Value,
            Key = new()
            {
                [PaymentAttributes.PartitionKey] = S(PaymentKeys.AccountPk(payment.AccountId)),
                [PaymentAttributes.SortKey] = S(LedgerTransactionMapper.SortKeyOf(payment)),
            },
            UpdateExpression = "SET #refunded = :after, #status = :status",
            ConditionExpression = "#refunded = :before AND :after <= #amount",
            ExpressionAttributeNames = new()
            {
                ["#refunded"] = PaymentAttributes.RefundedAmount,
                ["#status"] = PaymentAttributes.Status,
                ["#amount"] = PaymentAttributes.Amount,
            },
            ExpressionAttributeValues = new()
            {
                [":before"] = N(payment.RefundedAmount),
                [":after"] = N(refundedAfter),
                [":status"] = S(TransactionStatuses.ForRefunded(payment.Amount, refundedAfter)),
            },
        },
    };

    /// <summary>An account's transactions between two instants (inclusive), oldest first: <c>SK BETWEEN</c>.</summary>
    public async Task<(List<LedgerTransaction> Items, Dictionary<string, AttributeValue>? LastKey)> StatementAsync(
        string accountId, string fromTimestamp, string toTimestamp, int limit, Dictionary<string, AttributeValue>? startKey, CancellationToken cancellationToken)
    {
        var (lower, upper) = PaymentKeys.TransactionSkRange(fromTimestamp, toTimestamp);
        var response = await dynamoDb.QueryAsync(new QueryRequest
        {
            TableName = table.Value,
            KeyConditionExpression = "#pk = :pk AND #sk BETWEEN :lower AND :upper",
            ExpressionAttributeNames = new() { ["#pk"] = PaymentAttributes.PartitionKey, ["#sk"] = PaymentAttributes.SortKey },
            ExpressionAttributeValues = new()
            {
                [":pk"] = S(PaymentKeys.AccountPk(accountId)),
                [":lower"] = S(lower),
                [":upper"] = S(upper),
            },
            Limit = limit,
            ExclusiveStartKey = startKey,
            ConsistentRead = true,
        }, cancellationToken);
        return ([.. response.Items.Select(LedgerTransactionMapper.FromItem)], LastKeyOf(response));
    }

    /// <summary>A merchant's transactions in time order (GSI3): the merchant's own view, every customer's.</summary>
    public async Task<(List<LedgerTransaction> Items, Dictionary<string, AttributeValue>? LastKey)> ByMerchantAsync(
        string merchantId, int limit, Dictionary<string, AttributeValue>? startKey, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.QueryAsync(new QueryRequest
        {
            TableName = table.Value,
            IndexName = PaymentsTable.TransactionsByMerchant,
            KeyConditionExpression = "#pk = :pk",
            ExpressionAttributeNames = new() { ["#pk"] = PaymentAttributes.Gsi3PartitionKey },
            ExpressionAttributeValues = new() { [":pk"] = S(PaymentKeys.MerchantPk(merchantId)) },
            Limit = limit,
            ExclusiveStartKey = startKey,
        }, cancellationToken);
        return ([.. response.Items.Select(LedgerTransactionMapper.FromItem)], LastKeyOf(response));
    }

    /// <summary>
    /// The shopper's view of a merchant: only <paramref name="userId"/>'s transactions, in time order, from
    /// <paramref name="from"/> on, and the position after them while more may follow (<see cref="MerchantPosition"/>).
    /// The index is read <see cref="RowsPerShopperRead"/> rows at a time, at most <see cref="ShopperReads"/> times per page,
    /// however few of them are the caller's; DynamoDB's own start keys stay inside this method.
    /// </summary>
    public async Task<(List<LedgerTransaction> Items, MerchantPosition? Next)> ByMerchantForUserAsync(
        string merchantId, string userId, int limit, MerchantPosition? from, CancellationToken cancellationToken)
    {
        var found = new List<LedgerTransaction>();
        var toSkip = from?.Returned ?? 0;
        Dictionary<string, AttributeValue>? startKey = null;
        for (var read = 0; read < ShopperReads; read++)
        {
            var request = new QueryRequest
            {
                TableName = table.Value,
                IndexName = PaymentsTable.TransactionsByMerchant,
                KeyConditionExpression = from is null ? "#pk = :pk" : "#pk = :pk AND #sk >= :from",
                FilterExpression = "#user = :user",
                ExpressionAttributeNames = new() { ["#pk"] = PaymentAttributes.Gsi3PartitionKey, ["#user"] = PaymentAttributes.UserId },
                ExpressionAttributeValues = new() { [":pk"] = S(PaymentKeys.MerchantPk(merchantId)), [":user"] = S(userId) },
                Limit = RowsPerShopperRead,
                ExclusiveStartKey = startKey,
            };
            if (from is not null)
            {
                request.ExpressionAttributeNames["#sk"] = PaymentAttributes.Gsi3SortKey;
                request.ExpressionAttributeValues[":from"] = S(PaymentKeys.MerchantTransactionSk(from.Timestamp));
            }

            var response = await dynamoDb.QueryAsync(request, cancellationToken);
            foreach (var transaction in response.Items.Select(LedgerTransactionMapper.FromItem))
            {
                if (toSkip > 0 && transaction.CreatedAt == from!.Timestamp)
                {
                    toSkip--; // returned on an earlier page
                    continue;
                }

                found.Add(transaction);
                if (found.Count == limit)
                {
                    return (found, MerchantPosition.After(found, from));
                }
            }

            startKey = LastKeyOf(response);
            if (startKey is null)
            {
                return (found, null);
            }
        }

        // Rows of other customers filled the reads: go on from where they ended next time.
        return (found, found.Count > 0 ? MerchantPosition.After(found, from) : MerchantPosition.At(startKey![PaymentAttributes.Gsi3SortKey].S, from));
    }

    /// <summary>An account's audit entries, newest first.</summary>
    public async Task<(List<AuditEntry> Items, Dictionary<string, AttributeValue>? LastKey)> AuditAsync(
        string accountId, int limit, Dictionary<string, AttributeValue>? startKey, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.QueryAsync(new QueryRequest
        {
            TableName = table.Value,
            KeyConditionExpression = "#pk = :pk AND begins_with(#sk, :prefix)",
            ExpressionAttributeNames = new() { ["#pk"] = PaymentAttributes.PartitionKey, ["#sk"] = PaymentAttributes.SortKey },
            ExpressionAttributeValues = new()
            {
                [":pk"] = S(PaymentKeys.AccountPk(accountId)),
                [":prefix"] = S(PaymentKeys.AuditSkPrefix),
            },
            ScanIndexForward = false,
            Limit = limit,
            ExclusiveStartKey = startKey,
            ConsistentRead = true,
        }, cancellationToken);
        return ([.. response.Items.Select(AuditItemMapper.FromItem)], LastKeyOf(response));
    }

    private static Dictionary<string, AttributeValue>? LastKeyOf(QueryResponse response) =>
        response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
}
