using static DynamoDbStorage.AttributeValues;

namespace Payments.Api.Storage;

/// <summary>Beneficiaries live in the user's partition, so "mine" is a key condition, not a filter.</summary>
internal sealed class BeneficiaryStore(IAmazonDynamoDB dynamoDb, PaymentsTableName table)
{
    private const string NewItemCondition = "attribute_not_exists(#pk)";

    /// <summary>One page of the user's beneficiaries in sort-key order, and the key to start the next page at (null on the last).</summary>
    public async Task<(List<Beneficiary> Beneficiaries, Dictionary<string, AttributeValue>? LastKey)> ListAsync(
        string userId, int limit, Dictionary<string, AttributeValue>? startKey, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.QueryAsync(new QueryRequest
        {
            TableName = table.Value,
            KeyConditionExpression = "#pk = :pk AND begins_with(#sk, :prefix)",
            ExpressionAttributeNames = new() { ["#pk"] = PaymentAttributes.PartitionKey, ["#sk"] = PaymentAttributes.SortKey },
            ExpressionAttributeValues = new() { [":pk"] = S(PaymentKeys.UserPk(userId)), [":prefix"] = S(PaymentKeys.BeneficiarySkPrefix) },
            ConsistentRead = true,
            Limit = limit,
            ExclusiveStartKey = startKey,
        }, cancellationToken);
        return ([.. response.Items.Select(BeneficiaryItemMapper.FromItem)], response.LastEvaluatedKey is { Count: > 0 } last ? last : null);
    }

    public async Task<Beneficiary?> FindAsync(string userId, string beneficiaryId, CancellationToken cancellationToken)
    {
        if (!ServerIds.IsWellFormed(beneficiaryId))
        {
            return null;
        }

        var response = await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = table.Value,
            Key = BeneficiaryItemMapper.KeyOf(userId, beneficiaryId),
            ConsistentRead = true,
        }, cancellationToken);
        return response.Item is { Count: > 0 } item ? BeneficiaryItemMapper.FromItem(item) : null;
    }

    /// <summary>The Put of a new beneficiary, as one item of a transaction (with the Idempotency-Key's completed record).</summary>
    public TransactWriteItem Create(Beneficiary beneficiary) => new()
    {
        Put = new Put
        {
            TableName = table.Value,
            Item = BeneficiaryItemMapper.ToItem(beneficiary),
            ConditionExpression = NewItemCondition,
            ExpressionAttributeNames = NewItemNames(),
        },
    };

    /// <summary>The Put of a beneficiary's next version, conditioned on the version read, as one item of a transaction.</summary>
    public TransactWriteItem Replace(Beneficiary replaced, long previousVersion)
    {
        var put = new Put { TableName = table.Value, Item = BeneficiaryItemMapper.ToItem(replaced) };
        (put.ConditionExpression, put.ExpressionAttributeNames, put.ExpressionAttributeValues) = AtVersion(previousVersion);
        return new() { Put = put };
    }

    /// <summary>The Delete of a beneficiary, conditioned on the version read, as one item of a transaction.</summary>
    public TransactWriteItem Delete(string userId, string beneficiaryId, long version)
    {
        var delete = new Delete { TableName = table.Value, Key = BeneficiaryItemMapper.KeyOf(userId, beneficiaryId) };
        (delete.ConditionExpression, delete.ExpressionAttributeNames, delete.ExpressionAttributeValues) = AtVersion(version);
        return new() { Delete = delete };
    }

    /// <summary>Writes a new beneficiary (no previous version) or the next version of one; false when the version moved.</summary>
    public async Task<bool> TryWriteAsync(Beneficiary beneficiary, long? previousVersion, CancellationToken cancellationToken)
    {
        var request = new PutItemRequest { TableName = table.Value, Item = BeneficiaryItemMapper.ToItem(beneficiary) };
        if (previousVersion is { } version)
        {
            (request.ConditionExpression, request.ExpressionAttributeNames, request.ExpressionAttributeValues) = AtVersion(version);
        }
        else
        {
            request.ConditionExpression = NewItemCondition;
            request.ExpressionAttributeNames = NewItemNames();
        }

        try
        {
            await dynamoDb.PutItemAsync(request, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <summary>Deletes at the version the caller saw; false when it moved or is gone.</summary>
    public async Task<bool> TryDeleteAsync(string userId, string beneficiaryId, long version, CancellationToken cancellationToken)
    {
        try
        {
            var request = new DeleteItemRequest { TableName = table.Value, Key = BeneficiaryItemMapper.KeyOf(userId, beneficiaryId) };
            (request.ConditionExpression, request.ExpressionAttributeNames, request.ExpressionAttributeValues) = AtVersion(version);
            await dynamoDb.DeleteItemAsync(request, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <summary>The condition that the stored beneficiary is still at <paramref name="version"/>, with its names and values.</summary>
    private static (string Condition, Dictionary<string, string> Names, Dictionary<string, AttributeValue> Values) AtVersion(long version) =>
        ("#version = :version", new() { ["#version"] = PaymentAttributes.Version }, new() { [":version"] = N(version) });

    private static Dictionary<string, string> NewItemNames() => new() { ["#pk"] = PaymentAttributes.PartitionKey };
}
