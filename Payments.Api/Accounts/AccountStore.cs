namespace Payments.Api.Accounts;

/// <summary>Reads and writes accounts in the <c>payments</c> table.</summary>
internal sealed class AccountStore(IAmazonDynamoDB dynamoDb, IOptions<DynamoDbOptions> options)
{
    private string TableName => options.Value.TableName(PaymentsTable.LogicalName);

    /// <summary>Writes a new account; false when the id is already taken.</summary>
    public async Task<bool> TryCreateAsync(Account account, CancellationToken cancellationToken)
    {
        try
        {
            await dynamoDb.PutItemAsync(new PutItemRequest
            {
                TableName = TableName,
                Item = AccountItemMapper.ToItem(account),
                ConditionExpression = "attribute_not_exists(#pk)",
                ExpressionAttributeNames = new() { ["#pk"] = PaymentAttributes.PartitionKey },
            }, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <summary>The account (strongly consistent), or null.</summary>
    public async Task<Account?> FindAsync(string accountId, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = TableName,
            Key = AccountItemMapper.KeyOf(accountId),
            ConsistentRead = true,
        }, cancellationToken);

        return response.Item is { Count: > 0 } item ? AccountItemMapper.ToAccount(item) : null;
    }
}
