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

    /// <summary>
    /// add-item, item for item as Cart.Api sends it: the whole header put back under a condition on its version, the
    /// line put whole, and the completed idempotency record (a rendered cart as its body) under the key-is-free condition.
    /// The version condition always holds here (the bench has no cart state to read), so no attempt is lost to a race.
    /// </summary>
    public async Task<bool> AddItemAsync(string cartId, long sequence, CancellationToken cancellationToken)
    {
        var key = Guid.NewGuid().ToString("N");
        var now = Now();
        var nowSeconds = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var sku = $"SKU-{1 + (sequence % 9)}";
        await dynamodb.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            ClientRequestToken = key,
            TransactItems =
            [
                new() { Put = new Put
                {
                    TableName = "carts",
                    Item = new()
                    {
                        ["PK"] = new($"CART#{cartId}"), ["SK"] = new("META"), ["entity"] = new("Cart"), ["cartId"] = new(cartId),
                        ["currency"] = new("USD"), ["status"] = new("OPEN"), ["version"] = N(sequence + 2), ["createdAt"] = new(now),
                        ["updatedAt"] = new(now), ["ttl"] = N(nowSeconds + (30 * 86_400)), ["deviceId"] = new(key),
                    },
                    ConditionExpression = "attribute_not_exists(#pk) OR #version <> :never",
                    ExpressionAttributeNames = new() { ["#pk"] = "PK", ["#version"] = "version" },
                    ExpressionAttributeValues = new() { [":never"] = N(-1) },
                } },
                new() { Put = new Put
                {
                    TableName = "carts",
                    Item = new()
                    {
                        ["PK"] = new($"CART#{cartId}"), ["SK"] = new($"ITEM#{sku}#-"), ["entity"] = new("CartItem"), ["sku"] = new(sku),
                        ["lineKey"] = new("-"), ["qty"] = N(1 + (sequence % 5)), ["updatedAt"] = new(now), ["source"] = new("web"),
                        ["attrs"] = new() { M = [] }, ["priceSnapshot"] = new() { M = new() { ["amount"] = N(1999), ["currency"] = new("USD") } },
                    },
                } },
                new() { Put = CompletedRecord("carts", $"CART#{cartId}", $"IDEM#34:d-{cartId}#{key}", key, responseBytes: 700) },
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
                new() { Put = CompletedRecord("payments", $"IDEMPOTENCY#5:bench#{txnId}", "METADATA", txnId, responseBytes: 300) },
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

    /// <summary>A completed idempotency record as the Idempotency library writes it, under its key-is-free condition.</summary>
    private static Put CompletedRecord(string table, string pk, string sk, string claimId, int responseBytes)
    {
        var now = Now();
        var nowSeconds = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return new Put
        {
            TableName = table,
            Item = new()
            {
                ["PK"] = new(pk), ["SK"] = new(sk), ["entity"] = new("IdempotencyRecord"),
                ["status"] = new("COMPLETED"), ["fingerprint"] = new(new string('f', 64)), ["claimId"] = new(claimId), ["createdAt"] = new(now),
                ["expiresAt"] = new(now), ["ttl"] = N(nowSeconds + 86_400), ["leaseUntil"] = N(nowSeconds * 1000),
                ["responseStatus"] = N(200), ["responseBody"] = new(new string('x', responseBytes)),
                ["responseContentType"] = new("application/json; charset=utf-8"), ["responseHeaders"] = new() { M = new() { ["ETag"] = new("\"2\"") } },
            },
            ConditionExpression = "attribute_not_exists(#pk) OR #ttl <= :nowSeconds OR (#status = :inProgress AND #leaseUntil <= :nowMillis)",
            ExpressionAttributeNames = new() { ["#pk"] = "PK", ["#ttl"] = "ttl", ["#status"] = "status", ["#leaseUntil"] = "leaseUntil" },
            ExpressionAttributeValues = new()
            {
                [":nowSeconds"] = N(nowSeconds), [":nowMillis"] = N(nowSeconds * 1000), [":inProgress"] = new("IN_PROGRESS"),
            },
        };
    }
}
