using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Bench;

/// <summary>
/// The baselines of the write scenarios: a plain AmazonDynamoDBClient sending DynamoDB Local the same
/// TransactWriteItems the services send (same items, conditions and sizes), with nothing around it.
/// </summary>
internal sealed class RawTransactions(IAmazonDynamoDB dynamodb)
{
    private static string Now() => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    /// <summary>add-item: the cart header (version-conditioned), the line, and the idempotency record.</summary>
    public async Task<bool> AddItemAsync(string cartId, long sequence, CancellationToken cancellationToken)
    {
        var key = Guid.NewGuid().ToString("N");
        var now = Now();
        await dynamodb.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new() { Update = new Update
                {
                    TableName = "carts",
                    Key = new() { ["PK"] = new($"CART#{cartId}"), ["SK"] = new("META") },
                    UpdateExpression = "SET version = if_not_exists(version, :zero) + :one, updatedAt = :now, currency = :c, #s = :open",
                    ExpressionAttributeNames = new() { ["#s"] = "status" },
                    ExpressionAttributeValues = new() { [":zero"] = N(0), [":one"] = N(1), [":now"] = new(now), [":c"] = new("USD"), [":open"] = new("OPEN") },
                } },
                new() { Update = new Update
                {
                    TableName = "carts",
                    Key = new() { ["PK"] = new($"CART#{cartId}"), ["SK"] = new($"ITEM#SKU-{1 + (sequence % 9)}#-") },
                    UpdateExpression = "ADD qty :one SET updatedAt = :now, #source = :web",
                    ExpressionAttributeNames = new() { ["#source"] = "source" }, // a reserved word
                    ExpressionAttributeValues = new() { [":one"] = N(1), [":now"] = new(now), [":web"] = new("web") },
                } },
                new() { Put = new Put
                {
                    TableName = "carts",
                    Item = new()
                    {
                        ["PK"] = new($"CART#{cartId}"), ["SK"] = new($"IDEM#{key}"), ["status"] = new("COMPLETED"),
                        ["fingerprint"] = new(new string('f', 64)), ["responseBody"] = new(new string('x', 600)), ["ttl"] = N(DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeSeconds()),
                    },
                    ConditionExpression = "attribute_not_exists(PK)",
                } },
            ],
        }, cancellationToken);
        return true;
    }

    public Task OpenAccountAsync(string accountId, CancellationToken cancellationToken) =>
        dynamodb.PutItemAsync(new PutItemRequest
        {
            TableName = "payments",
            Item = new()
            {
                ["PK"] = new($"ACCOUNT#{accountId}"), ["SK"] = new("METADATA"), ["balance"] = N(1_000_000_000),
                ["currency"] = new("EUR"), ["status"] = new("ACTIVE"), ["version"] = N(1),
            },
        }, cancellationToken);

    /// <summary>A payment: idempotency record, conditional debit, TXN with its GSI keys, AUDIT.</summary>
    public async Task<bool> PayAsync(string accountId, CancellationToken cancellationToken)
    {
        var txnId = Guid.NewGuid().ToString("N");
        var now = Now();
        await dynamodb.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            ClientRequestToken = txnId,
            TransactItems =
            [
                new() { Put = new Put
                {
                    TableName = "payments",
                    Item = new() { ["PK"] = new($"IDEMPOTENCY#bench#{txnId}"), ["SK"] = new("METADATA"), ["status"] = new("COMPLETED"), ["responseBody"] = new(new string('x', 300)) },
                    ConditionExpression = "attribute_not_exists(PK)",
                } },
                new() { Update = new Update
                {
                    TableName = "payments",
                    Key = new() { ["PK"] = new($"ACCOUNT#{accountId}"), ["SK"] = new("METADATA") },
                    UpdateExpression = "SET balance = balance - :a, version = version + :one, updatedAt = :now",
                    ConditionExpression = "attribute_exists(PK) AND balance >= :a AND #s = :active AND currency = :c",
                    ExpressionAttributeNames = new() { ["#s"] = "status" },
                    ExpressionAttributeValues = new() { [":a"] = N(1), [":one"] = N(1), [":now"] = new(now), [":active"] = new("ACTIVE"), [":c"] = new("EUR") },
                } },
                new() { Put = new Put
                {
                    TableName = "payments",
                    Item = new()
                    {
                        ["PK"] = new($"ACCOUNT#{accountId}"), ["SK"] = new($"TXN#{now}#{txnId}"),
                        ["GSI1PK"] = new($"TXN#{txnId}"), ["GSI1SK"] = new($"ACCOUNT#{accountId}"),
                        ["GSI3PK"] = new("MERCHANT#bench"), ["GSI3SK"] = new($"TXN#{now}"),
                        ["amount"] = N(1), ["currency"] = new("EUR"), ["kind"] = new("BENCH"),
                    },
                    ConditionExpression = "attribute_not_exists(PK)",
                } },
                new() { Put = new Put
                {
                    TableName = "payments",
                    Item = new() { ["PK"] = new($"ACCOUNT#{accountId}"), ["SK"] = new($"AUDIT#{now}#{txnId}"), ["eventType"] = new("BENCH") },
                    ConditionExpression = "attribute_not_exists(PK)",
                } },
            ],
        }, cancellationToken);
        return true;
    }
}
