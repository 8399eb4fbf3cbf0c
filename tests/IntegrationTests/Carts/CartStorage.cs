using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using StackExchange.Redis;

namespace IntegrationTests.Carts;

/// <summary>Plain AWS SDK and Redis clients on the platform's DynamoDB Local and Redis, for arranging and asserting.</summary>
public sealed class CartStorage : IAsyncDisposable
{
    private CartStorage(AmazonDynamoDBClient dynamodb, ConnectionMultiplexer redis) => (DynamoDb, Redis) = (dynamodb, redis);

    public AmazonDynamoDBClient DynamoDb { get; }

    public ConnectionMultiplexer Redis { get; }

    public static async Task<CartStorage> ConnectAsync(PlatformFixture platform) => new(
        new AmazonDynamoDBClient(
            new BasicAWSCredentials("local", "local"),
            new AmazonDynamoDBConfig { ServiceURL = platform.DynamoDbEndpoint.ToString(), AuthenticationRegion = "us-east-1" }),
        await ConnectionMultiplexer.ConnectAsync(platform.RedisConnectionString + ",abortConnect=false"));

    public async Task<Dictionary<string, AttributeValue>> MetaAsync(string cartId) =>
        (await DynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = "carts",
            Key = new() { ["PK"] = new AttributeValue($"CART#{cartId}"), ["SK"] = new AttributeValue("META") },
            ConsistentRead = true,
        })).Item;

    /// <summary>
    /// Writes a line straight into a cart, as one added while its product was still in the catalog: the service itself
    /// refuses a SKU the catalog lacks. Returns the line's item id.
    /// </summary>
    public async Task<string> PutLineAsync(string cartId, string sku)
    {
        await DynamoDb.PutItemAsync("carts", new()
        {
            ["PK"] = new AttributeValue($"CART#{cartId}"), ["SK"] = new AttributeValue($"ITEM#{sku}#-"), ["sku"] = new AttributeValue(sku),
            ["lineKey"] = new AttributeValue("-"), ["qty"] = new AttributeValue { N = "1" }, ["attrs"] = new AttributeValue { M = [] },
            ["updatedAt"] = new AttributeValue("2026-01-01T00:00:00.000Z"),
        });
        return System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes($"{sku}#-"));
    }

    public async ValueTask DisposeAsync()
    {
        DynamoDb.Dispose();
        await Redis.DisposeAsync();
    }
}
