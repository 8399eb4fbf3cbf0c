using static DynamoDbStorage.AttributeValues;

namespace Payments.Api.Storage;

/// <summary>Reads accounts, and builds the conditional account updates that ledger transactions carry.</summary>
internal sealed class AccountStore(IAmazonDynamoDB dynamoDb, PaymentsTableName table)
{
    /// <summary>The account (strongly consistent) when it exists and belongs to <paramref name="userId"/>; otherwise null.</summary>
    public async Task<Account?> FindOwnedAsync(string accountId, string userId, CancellationToken cancellationToken)
    {
        if (!ServerIds.IsWellFormed(accountId))
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
    /// Moves money under the movement's rules, all of them in the update's condition, so a payment or deposit may
    /// transact without reading the account first.
    /// </summary>
    public TransactWriteItem Move(AccountMovement movement, string now)
    {
        var values = new Dictionary<string, AttributeValue>
        {
            [":amount"] = N(movement.Amount),
            [":user"] = S(movement.UserId),
            [":one"] = N(1),
            [":now"] = S(now),
        };
        var sign = movement.Direction == Directions.Debit ? "-" : "+";
        var update = $"SET #balance = #balance {sign} :amount, #version = #version + :one, #updatedAt = :now";
        var condition = "attribute_exists(#pk) AND #user = :user AND " + AccountConditions.Of(movement.Rules, values);
        return GuardedUpdate(movement.AccountId, update, condition, values);
    }

    /// <summary>Closes an account under <see cref="AccountRules.Close"/>.</summary>
    public TransactWriteItem Close(Account account, string now)
    {
        var values = new Dictionary<string, AttributeValue>
        {
            [":closed"] = S(AccountStatus.Closed),
            [":one"] = N(1),
            [":now"] = S(now),
        };
        const string update = "SET #status = :closed, #version = #version + :one, #updatedAt = :now";
        var condition = AccountConditions.Of(AccountRules.Close(account), values);
        return GuardedUpdate(account.AccountId, update, condition, values);
    }

    /// <summary>An update of the account's item under the condition its rules gave, naming only the attributes both use.</summary>
    private TransactWriteItem GuardedUpdate(string accountId, string update, string condition, Dictionary<string, AttributeValue> values) => new()
    {
        Update = new Update
        {
            TableName = table.Value,
            Key = AccountItemMapper.KeyOf(accountId),
            UpdateExpression = update,
            ConditionExpression = condition,
            ExpressionAttributeNames = AccountConditions.NamesUsedIn(update, condition),
            ExpressionAttributeValues = values,
        },
    };
}
