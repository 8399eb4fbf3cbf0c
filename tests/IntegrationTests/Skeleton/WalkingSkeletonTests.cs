using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using StackExchange.Redis;

namespace IntegrationTests.Skeleton;

/// <summary>A request through the gateway reaches Cart.Api, DynamoDB Local and Redis.</summary>
[Collection(PlatformCollection.Name)]
public sealed class WalkingSkeletonTests(PlatformFixture platform)
{
    [Fact]
    public async Task An_item_added_through_the_gateway_is_stored_in_dynamodb_and_cached_in_redis()
    {
        using var client = platform.CreateGatewayClient();

        var created = await client.PostAsJsonAsync("/carts", new { });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var cartId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cartId").GetString()!;
        (await client.PostAsJsonAsync($"/carts/{cartId}/items", new { sku = "SKU-1", qty = 2, attrs = new { size = "M" } })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/carts/{cartId}/items", new { sku = "SKU-1", qty = 1, attrs = new { size = "M" } })).EnsureSuccessStatusCode();
        var cart = await client.GetFromJsonAsync<JsonElement>($"/carts/{cartId}");

        var line = Assert.Single(cart.GetProperty("items").EnumerateArray());
        Assert.Equal("SKU-1", line.GetProperty("sku").GetString());
        Assert.Equal(3, line.GetProperty("qty").GetInt32());

        // Read DynamoDB Local with the plain AWS SDK, not with the project's code.
        using var dynamodb = new AmazonDynamoDBClient(
            new BasicAWSCredentials("local", "local"),
            new AmazonDynamoDBConfig { ServiceURL = platform.DynamoDbEndpoint.ToString(), AuthenticationRegion = "us-east-1" });
        var stored = await dynamodb.QueryAsync(new QueryRequest
        {
            TableName = "carts",
            KeyConditionExpression = "PK = :pk AND begins_with(SK, :item)",
            ExpressionAttributeValues = new() { [":pk"] = new AttributeValue($"CART#{cartId}"), [":item"] = new AttributeValue("ITEM#") },
            ConsistentRead = true,
        });
        var item = Assert.Single(stored.Items);
        Assert.Equal("3", item["qty"].N);

        await using var redis = await ConnectionMultiplexer.ConnectAsync(platform.RedisConnectionString);
        var cached = await redis.GetDatabase().StringGetAsync($"cart:{cartId}");
        Assert.True(cached.HasValue, "the rendered cart should be in Redis");
        Assert.Contains("SKU-1", cached.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_gateway_issues_a_device_cookie_on_first_contact()
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, UseProxy = false }) { BaseAddress = platform.Gateway };

        var response = await client.PostAsJsonAsync("/carts", new { });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("deviceId=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Every_service_replica_answers_its_health_and_liveness_endpoints()
    {
        foreach (var address in platform.CartApiReplicas.Concat(new[] { "payments-api", "events-worker", "gateway" }.Select(platform.App.HttpEndpoint)))
        {
            using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = address };
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive")).StatusCode);
        }
    }

    [Fact]
    public async Task An_account_created_through_the_gateway_can_be_read_back()
    {
        using var client = platform.CreateGatewayClient("user-1");

        var created = await client.PostAsJsonAsync("/accounts", new { currency = "EUR" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var accountId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accountId").GetString();

        var account = await client.GetFromJsonAsync<JsonElement>($"/accounts/{accountId}");
        Assert.Equal("EUR", account.GetProperty("currency").GetString());
        Assert.Equal(0, account.GetProperty("balance").GetInt64());
    }
}
