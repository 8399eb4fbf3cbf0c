using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace IntegrationTests.Payments;

/// <summary>A signed-in user talking to Payments.Api through the gateway, plus plain-SDK reads of the payments table.</summary>
internal sealed class PaymentsDriver(PlatformFixture platform, string userId) : IDisposable
{
    public string UserId { get; } = userId;

    public HttpClient Http { get; } = platform.CreateGatewayClient(userId);

    public static PaymentsDriver ForNewUser(PlatformFixture platform) => new(platform, $"user-{Guid.NewGuid():N}");

    public async Task<string> OpenAccountAsync(string currency = "EUR")
    {
        var response = await Http.PostAsJsonAsync("/accounts", new { currency });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accountId").GetString()!;
    }

    public async Task<string> OpenFundedAccountAsync(long amount, string currency = "EUR")
    {
        var accountId = await OpenAccountAsync(currency);
        await DepositAsync(accountId, amount, currency);
        return accountId;
    }

    /// <summary>A payment with a fresh key; its transaction id.</summary>
    public async Task<string> PaidTxnIdAsync(string accountId, long amount, string merchantId)
    {
        using var paid = await PayAsync(accountId, amount, Guid.NewGuid().ToString(), merchantId);
        return (await paid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("txnId").GetString()!;
    }

    public async Task DepositAsync(string accountId, long amount, string currency = "EUR")
    {
        var response = await SendAsync(HttpMethod.Post, $"/accounts/{accountId}/deposits", new { amount, currency }, Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public Task<HttpResponseMessage> PayAsync(string accountId, long amount, string? key, string merchantId = "merchant-1", string currency = "EUR") =>
        SendAsync(HttpMethod.Post, "/payments", new { accountId, amount, currency, merchantId }, key);

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, string? key)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return Http.SendAsync(request);
    }

    public async Task<long> BalanceAsync(string accountId) =>
        (await Http.GetFromJsonAsync<JsonElement>($"/accounts/{accountId}")).GetProperty("balance").GetInt64();

    public void Dispose() => Http.Dispose();

    public static async Task<string?> CodeOf(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length > 0 && JsonDocument.Parse(text).RootElement is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("code", out var code)
            ? code.GetString()
            : null;
    }
}

/// <summary>Reads the payments table with the plain AWS SDK, never with the service's code.</summary>
internal static class PaymentsTableReader
{
    public static AmazonDynamoDBClient Client(PlatformFixture platform) => new(
        new BasicAWSCredentials("local", "local"),
        new AmazonDynamoDBConfig { ServiceURL = platform.DynamoDbEndpoint.ToString(), AuthenticationRegion = "us-east-1" });

    public static async Task<List<Dictionary<string, AttributeValue>>> TransactionsAsync(PlatformFixture platform, string accountId)
    {
        using var dynamodb = Client(platform);
        var items = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamodb.QueryAsync(new QueryRequest
            {
                TableName = "payments",
                KeyConditionExpression = "PK = :pk AND begins_with(SK, :txn)",
                ExpressionAttributeValues = new() { [":pk"] = new AttributeValue($"ACCOUNT#{accountId}"), [":txn"] = new AttributeValue("TXN#") },
                ConsistentRead = true,
                ExclusiveStartKey = start,
            });
            items.AddRange(page.Items);
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);

        return items;
    }

    public static long Amount(Dictionary<string, AttributeValue> item) => long.Parse(item["amount"].N, System.Globalization.CultureInfo.InvariantCulture);
}
