using static DynamoDbStorage.AttributeValues;

namespace Payments.Api.Accounts;

/// <summary>Reads accounts, and builds the conditional account updates that ledger transactions carry.</summary>
internal sealed class AccountStore(IAmazonDynamoDB dynamoDb, PaymentsTableName table)
{
    /// <summary>The account (strongly consistent) when it exists and belongs to <paramref name="userId"/>; otherwise null.</summary>
    public async Task<Account?> FindOwnedAsync(string accountId, string userId, CancellationToken cancellationToken)
    {
        if (!AccountValidation.IsAccountId(accountId))
        {
            return null;
        }

        var response = await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = table.Value,
            Key = AccountItemMapper.KeyOf(accountId),
            ConsistentRead = true,
        }, cancellationToken);

        return response.Item is { Count: > 0 } item && AccountItemMapper.ToAccount(item) is var account && account.UserId == userId
            ? account
            : null;
    }

    /// <summary>One page of a user's accounts from GSI2 (eventually consistent, as every GSI read).</summary>
    public async Task<(List<Account> Accounts, Dictionary<string, AttributeValue>? LastKey)> ListByUserAsync(
        string userId, int limit, Dictionary<string, AttributeValue>? startKey, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.QueryAsync(new QueryRequest
        {
            TableName = table.Value,
            IndexName = PaymentsTable.AccountsByUser,
            KeyConditionExpression = "#pk = :pk",
            ExpressionAttributeNames = new() { ["#pk"] = PaymentAttributes.Gsi2PartitionKey },
            ExpressionAttributeValues = new() { [":pk"] = S(PaymentKeys.UserPk(userId)) },
            Limit = limit,
            ExclusiveStartKey = startKey,
        }, cancellationToken);
        return ([.. response.Items.Select(AccountItemMapper.ToAccount)], response.LastEvaluatedKey is { Count: > 0 } last ? last : null);
    }

    /// <summary>The Put of a new account.</summary>
    public TransactWriteItem Open(Account account) => new()
    {
        Put = new Put
        {
            TableName = table.Value,
            Item = AccountItemMapper.ToItem(account),
            ConditionExpression = "attribute_not_exists(#pk)",
            ExpressionAttributeNames = new() { ["#pk"] = PaymentAttributes.PartitionKey },
        },
    };

    /// <summary>
    /// Takes money out: only from the user's own ACTIVE account of that currency holding at least the amount. The
    /// condition carries every rule, so a payment may transact without reading the account first.
    /// </summary>
    public TransactWriteItem Debit(string accountId, string userId, long amount, string currency, string now) =>
        Move(accountId, userId, "-", amount, now,
            "#balance >= :amount AND #status = :active AND #currency = :currency",
            new() { [":active"] = S(AccountStatus.Active), [":currency"] = S(currency) });

    /// <summary>Puts money in (deposit): only into the user's own ACTIVE account of that currency, never above the ceiling.</summary>
    public TransactWriteItem Credit(string accountId, string userId, long amount, string currency, string now) =>
        Move(accountId, userId, "+", amount, now,
            "#status = :active AND #currency = :currency AND #balance <= :ceiling",
            new() { [":active"] = S(AccountStatus.Active), [":currency"] = S(currency), [":ceiling"] = N(Money.MaxBalance - amount) });

    /// <summary>Gives money back (refund): into the user's account unless CLOSED — a frozen account still receives refunds.</summary>
    public TransactWriteItem Refund(string accountId, string userId, long amount, string currency, string now) =>
        Move(accountId, userId, "+", amount, now,
            "#status <> :closed AND #currency = :currency AND #balance <= :ceiling",
            new() { [":closed"] = S(AccountStatus.Closed), [":currency"] = S(currency), [":ceiling"] = N(Money.MaxBalance - amount) });

    /// <summary>Closes an ACTIVE, empty account at the version the caller saw.</summary>
    public TransactWriteItem Close(Account account, string now) => new()
    {
        Update = new Update
        {
            TableName = table.Value,
            Key = AccountItemMapper.KeyOf(account.AccountId),
            UpdateExpression = "SET #status = :closed, #version = #version + :one, #updatedAt = :now",
            ConditionExpression = "#version = :version AND #balance = :zero AND #status = :active",
            ExpressionAttributeNames = new()
            {
                ["#status"] = PaymentAttributes.Status,
                ["#version"] = PaymentAttributes.Version,
                ["#updatedAt"] = PaymentAttributes.UpdatedAt,
                ["#balance"] = PaymentAttributes.Balance,
            },
            ExpressionAttributeValues = new()
            {
                [":closed"] = S(AccountStatus.Closed),
                [":active"] = S(AccountStatus.Active),
                [":one"] = N(1),
                [":zero"] = N(0),
                [":version"] = N(account.Version),
                [":now"] = S(now),
            },
        },
    };

    private TransactWriteItem Move(
        string accountId, string userId, string sign, long amount, string now, string condition, Dictionary<string, AttributeValue> values)
    {
        values[":amount"] = N(amount);
        values[":user"] = S(userId);
        values[":one"] = N(1);
        values[":now"] = S(now);
        return new TransactWriteItem
        {
            Update = new Update
            {
                TableName = table.Value,
                Key = AccountItemMapper.KeyOf(accountId),
                UpdateExpression = $"SET #balance = #balance {sign} :amount, #version = #version + :one, #updatedAt = :now",
                ConditionExpression = "attribute_exists(#pk) AND #user = :user AND " + condition,
                ExpressionAttributeNames = new()
                {
                    ["#pk"] = PaymentAttributes.PartitionKey,
                    ["#balance"] = PaymentAttributes.Balance,
                    ["#version"] = PaymentAttributes.Version,
                    ["#updatedAt"] = PaymentAttributes.UpdatedAt,
                    ["#status"] = PaymentAttributes.Status,
                    ["#currency"] = PaymentAttributes.Currency,
                    ["#user"] = PaymentAttributes.UserId,
                },
                ExpressionAttributeValues = values,
            },
        };
    }
}
