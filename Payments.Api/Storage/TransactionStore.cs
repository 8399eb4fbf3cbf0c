using static DynamoDbStorage.AttributeValues;

namespace Payments.Api.Storage;

/// <summary>Reads transactions and audit entries: by id (GSI1), by account and time (statement), by merchant (GSI3).</summary>
internal sealed class TransactionStore(IAmazonDynamoDB dynamoDb, PaymentsTableName table)
{
    /// <summary>A transaction by id through GSI1 (eventually consistent), when it belongs to <paramref name="userId"/>.</summary>
    public async Task<LedgerTransaction?> FindOwnedAsync(string txnId, string userId, CancellationToken cancellationToken)
    {
        if (!ServerIds.IsWellFormed(txnId))
        {
            return null;
        }

        var response = await dynamoDb.QueryAsync(new QueryRequest
        {
            TableName = table.Value,
            IndexName = PaymentsTable.TransactionsById,
            KeyConditionExpression = "#pk = :pk",
            ExpressionAttributeNames = new() { ["#pk"] = PaymentAttributes.Gsi1PartitionKey },
            ExpressionAttributeValues = new() { [":pk"] = S(PaymentKeys.TransactionPk(txnId)) },
            Limit = 1,
        }, cancellationToken);

        return response.Items.Count > 0 && LedgerTransactionMapper.FromItem(response.Items[0]) is var txn && txn.UserId == userId ? txn : null;
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

    /// <summary>
    /// A merchant's transactions in time order (GSI3). With <paramref name="onlyUserId"/>, only that user's — a
    /// filter, so a page may hold fewer than <paramref name="limit"/> items while a cursor still follows.
    /// </summary>
    public async Task<(List<LedgerTransaction> Items, Dictionary<string, AttributeValue>? LastKey)> ByMerchantAsync(
        string merchantId, string? onlyUserId, int limit, Dictionary<string, AttributeValue>? startKey, CancellationToken cancellationToken)
    {
        var request = new QueryRequest
        {
            TableName = table.Value,
            IndexName = PaymentsTable.TransactionsByMerchant,
            KeyConditionExpression = "#pk = :pk",
            ExpressionAttributeNames = new() { ["#pk"] = PaymentAttributes.Gsi3PartitionKey },
            ExpressionAttributeValues = new() { [":pk"] = S(PaymentKeys.MerchantPk(merchantId)) },
            Limit = limit,
            ExclusiveStartKey = startKey,
        };
        if (onlyUserId is not null)
        {
            request.FilterExpression = "#user = :user";
            request.ExpressionAttributeNames["#user"] = PaymentAttributes.UserId;
            request.ExpressionAttributeValues[":user"] = S(onlyUserId);
        }

        var response = await dynamoDb.QueryAsync(request, cancellationToken);
        return ([.. response.Items.Select(LedgerTransactionMapper.FromItem)], LastKeyOf(response));
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
