using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using StorageContracts;

namespace IntegrationTests.Events;

/// <summary>
/// Writes straight to the <c>carts</c> and <c>payments</c> tables in the item shapes of DESIGN §4–5 (with a plain
/// SDK client), so these tests do not depend on the services' endpoints.
/// </summary>
internal sealed class SourceWrites(PlatformFixture platform) : IDisposable
{
    private readonly AmazonDynamoDBClient _dynamodb = new(
        new BasicAWSCredentials("local", "local"),
        new AmazonDynamoDBConfig { ServiceURL = platform.DynamoDbEndpoint.ToString(), AuthenticationRegion = "us-east-1" });

    public static string NewId() => Guid.NewGuid().ToString("N");

    private static AttributeValue S(string value) => new() { S = value };

    private static AttributeValue N(long value) => new() { N = value.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    private static string Now() => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>INSERT of a cart's META item → <c>cart.created</c>.</summary>
    public Task CreateCartAsync(string cartId, string? at = null) => _dynamodb.PutItemAsync("carts", new()
    {
        ["PK"] = S($"CART#{cartId}"), ["SK"] = S("META"), ["cartId"] = S(cartId), ["currency"] = S("EUR"),
        ["status"] = S("OPEN"), ["version"] = N(1), ["createdAt"] = S(at ?? Now()), ["updatedAt"] = S(at ?? Now()),
    });

    /// <summary>A line (→ <c>cart.updated</c>) plus the META version bump of the same change (→ <c>cart.updated</c>).</summary>
    public Task AddLineAsync(string cartId, string sku, string? at = null) => _dynamodb.PutItemAsync("carts", new()
    {
        ["PK"] = S($"CART#{cartId}"), ["SK"] = S($"ITEM#{sku}#size:M"), ["qty"] = N(2),
        ["priceSnapshot"] = new AttributeValue { M = new() { ["amount"] = N(1999), ["currency"] = S("EUR") } },
        ["attrs"] = new AttributeValue { M = new() { ["size"] = S("M") } }, ["updatedAt"] = S(at ?? Now()), ["source"] = S("web"),
    });

    /// <summary>A META status change: <c>MERGED</c> → <c>cart.merged</c>, <c>CHECKED_OUT</c> → <c>cart.checked_out</c>.</summary>
    public Task SetCartStatusAsync(string cartId, string status, long version) => _dynamodb.UpdateItemAsync(new UpdateItemRequest
    {
        TableName = "carts",
        Key = new() { ["PK"] = S($"CART#{cartId}"), ["SK"] = S("META") },
        UpdateExpression = "SET #status = :status, #version = :version, updatedAt = :now",
        ExpressionAttributeNames = new() { ["#status"] = "status", ["#version"] = "version" },
        ExpressionAttributeValues = new() { [":status"] = S(status), [":version"] = N(version), [":now"] = S(Now()) },
    });

    /// <summary>Items that must produce no event: a cart idempotency record and the user/device pointers.</summary>
    public async Task WriteCartBookkeepingAsync(string cartId, string userId)
    {
        await _dynamodb.PutItemAsync("carts", new() { ["PK"] = S($"CART#{cartId}"), ["SK"] = S($"IDEM#{NewId()}"), ["status"] = S("COMPLETED") });
        await _dynamodb.PutItemAsync("carts", new() { ["PK"] = S($"USER#{userId}"), ["SK"] = S("ACTIVE_CART"), ["cartId"] = S(cartId) });
        await _dynamodb.PutItemAsync("carts", new() { ["PK"] = S($"DEVICE#{userId}"), ["SK"] = S("ACTIVE_CART"), ["cartId"] = S(cartId) });
    }

    /// <summary>An account's METADATA (no event of its own) with its <c>ACCOUNT_OPENED</c> audit entry (→ <c>account.opened</c>).</summary>
    public async Task OpenAccountAsync(string accountId, string userId)
    {
        await _dynamodb.PutItemAsync("payments", new()
        {
            ["PK"] = S($"ACCOUNT#{accountId}"), ["SK"] = S("METADATA"), ["accountId"] = S(accountId), ["userId"] = S(userId),
            ["currency"] = S("EUR"), ["balance"] = N(10_000), ["status"] = S("ACTIVE"), ["version"] = N(1),
            ["GSI2PK"] = S($"USER#{userId}"), ["GSI2SK"] = S($"ACCOUNT#{accountId}"),
        });
        await AuditAsync(accountId, "ACCOUNT_OPENED", null);
    }

    /// <summary>A captured payment: TXN row (no event of its own) and its <c>PAYMENT_CAPTURED</c> audit entry.</summary>
    public async Task CapturePaymentAsync(string accountId, string userId)
    {
        var txnId = NewId();
        var at = Now();
        await _dynamodb.PutItemAsync("payments", new()
        {
            ["PK"] = S($"ACCOUNT#{accountId}"), ["SK"] = S($"TXN#{at}#{txnId}"), ["txnId"] = S(txnId), ["amount"] = N(500),
            ["direction"] = S("DEBIT"), ["merchantId"] = S("m-1"), ["status"] = S("CAPTURED"), ["kind"] = S("PAYMENT"),
            ["GSI1PK"] = S($"TXN#{txnId}"), ["GSI1SK"] = S($"ACCOUNT#{accountId}"),
        });
        await _dynamodb.PutItemAsync("payments", new()
        {
            ["PK"] = S($"IDEMPOTENCY#{userId}#{NewId()}"), ["SK"] = S("METADATA"), ["status"] = S("COMPLETED"), ["fingerprint"] = S("f"),
        });
        await AuditAsync(accountId, "PAYMENT_CAPTURED", txnId);
    }

    /// <summary>A declined payment: only an audit entry (→ <c>payment.declined</c>).</summary>
    public Task DeclinePaymentAsync(string accountId) => AuditAsync(accountId, "PAYMENT_DECLINED", NewId());

    public Task RecordFraudAsync(string userId, string? at = null) => _dynamodb.PutItemAsync("payments", new()
    {
        ["PK"] = S($"USER#{userId}"), ["SK"] = S($"FRAUD#{at ?? Now()}#{NewId()}"), ["kind"] = S("GEO_CHANGE"), ["occurredAt"] = S(at ?? Now()),
    });

    public Task AuditAsync(string accountId, string eventType, string? txnId, string? at = null)
    {
        var eventId = NewId();
        var item = new Dictionary<string, AttributeValue>
        {
            ["PK"] = S($"ACCOUNT#{accountId}"), ["SK"] = S($"AUDIT#{at ?? Now()}#{eventId}"), ["eventId"] = S(eventId),
            ["accountId"] = S(accountId), ["eventType"] = S(eventType), ["actor"] = S("test"), ["createdAt"] = S(at ?? Now()),
        };
        if (txnId is not null)
        {
            item["txnId"] = S(txnId);
        }

        return _dynamodb.PutItemAsync("payments", item);
    }

    public async Task<IReadOnlyList<Dictionary<string, AttributeValue>>> LeasesAsync()
    {
        var response = await _dynamodb.ScanAsync(new ScanRequest { TableName = "events-leases", ConsistentRead = true });
        return response.Items;
    }

    /// <summary>When the worker last wrote its stream heartbeat to each source table that has one (Unix milliseconds).</summary>
    public async Task<IReadOnlyDictionary<string, long>> HeartbeatsAsync()
    {
        var heartbeats = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in new[] { "carts", "payments" })
        {
            var key = new Dictionary<string, AttributeValue> { ["PK"] = S(StreamHeartbeatKeys.PartitionKey), ["SK"] = S(StreamHeartbeatKeys.SortKey) };
            var item = (await _dynamodb.GetItemAsync(new GetItemRequest { TableName = table, Key = key, ConsistentRead = true })).Item;
            if (item is { Count: > 0 })
            {
                heartbeats[table] = long.Parse(item[StreamHeartbeatKeys.WrittenAt].N, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return heartbeats;
    }

    public void Dispose() => _dynamodb.Dispose();
}
