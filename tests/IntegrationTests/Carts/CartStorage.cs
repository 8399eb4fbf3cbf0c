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

    public async ValueTask DisposeAsync()
    {
        DynamoDb.Dispose();
        await Redis.DisposeAsync();
    }
}
