using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace IntegrationTests.Payments;

/// <summary>Fraud events: the last N, a time window, and write sharding for the configured hot user.</summary>
[Collection(PlatformCollection.Name)]
public sealed class FraudEventTests(PlatformFixture platform)
{
    // Payments.Api/appsettings.Development.json names this user hot (Payments:Fraud:HotUsers, 4 shards).
    private const string HotUser = "fraud-hot-user";

    [Fact]
    public async Task The_last_events_come_newest_first_and_a_window_keeps_only_its_own()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        var recorded = new List<string>();
        foreach (var type in new[] { "LOGIN_ATTEMPT", "GEO_CHANGE", "CARD_SWIPE" })
        {
            var response = await alice.Http.PostAsJsonAsync("/users/me/fraud-events", new { type });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            recorded.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("eventId").GetString()!);
        }

        var lastTwo = await alice.Http.GetFromJsonAsync<JsonElement>("/users/me/fraud-events?limit=2");
        var future = await alice.Http.GetFromJsonAsync<JsonElement>($"/users/me/fraud-events?from={DateTime.UtcNow.AddDays(1):yyyy-MM-dd}");
        var today = await alice.Http.GetFromJsonAsync<JsonElement>($"/users/me/fraud-events?from={DateTime.UtcNow.AddDays(-1):yyyy-MM-dd}&to={DateTime.UtcNow.AddDays(1):yyyy-MM-dd}");

        Assert.Equal([recorded[2], recorded[1]], Ids(lastTwo));
        Assert.Empty(Ids(future));
        Assert.Equal(recorded.AsEnumerable().Reverse(), Ids(today));
    }

    [Fact]
    public async Task A_hot_users_events_are_spread_over_shards_and_gathered_back_in_order()
    {
        using var hot = new PaymentsDriver(platform, HotUser);
        var recorded = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var response = await hot.Http.PostAsJsonAsync("/users/me/fraud-events", new { type = "VELOCITY_ANOMALY", detail = $"burst {i}" });
            recorded.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("eventId").GetString()!);
        }

        var latest = await hot.Http.GetFromJsonAsync<JsonElement>("/users/me/fraud-events?limit=12");

        Assert.Equal(recorded.AsEnumerable().Reverse(), Ids(latest));
        using var dynamodb = PaymentsTableReader.Client(platform);
        var partitions = new HashSet<string>();
        for (var shard = 0; shard < 4; shard++)
        {
            var items = await dynamodb.QueryAsync(new QueryRequest
            {
                TableName = "payments",
                KeyConditionExpression = "PK = :pk",
                ExpressionAttributeValues = new() { [":pk"] = new AttributeValue($"USER#{HotUser}#SHARD#{shard}") },
            });
            if (items.Items.Count > 0)
            {
                partitions.Add($"{shard}");
            }
        }

        Assert.True(partitions.Count >= 2, $"12 events landed on {partitions.Count} shard(s)");
    }

    [Fact]
    public async Task A_user_whose_id_names_a_hot_users_shard_cannot_put_events_into_that_users_list()
    {
        // The shard partition is USER#<id>#SHARD#<n>, which is also the plain partition of a user whose id is "<id>#SHARD#<n>".
        using var hot = new PaymentsDriver(platform, HotUser);
        using var impostor = new PaymentsDriver(platform, $"{HotUser}#SHARD#0");
        using (var planted = await impostor.Http.PostAsJsonAsync("/users/me/fraud-events", new { type = "VELOCITY_ANOMALY", detail = "planted" }))
        {
            Assert.Equal(HttpStatusCode.Created, planted.StatusCode);
        }

        var latest = await hot.Http.GetFromJsonAsync<JsonElement>("/users/me/fraud-events?limit=100");
        var own = await impostor.Http.GetFromJsonAsync<JsonElement>("/users/me/fraud-events?limit=100");

        Assert.DoesNotContain("planted", latest.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("detail").GetString()));
        Assert.Contains("planted", own.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("detail").GetString()));
    }

    private static List<string> Ids(JsonElement list) =>
        [.. list.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("eventId").GetString()!)];
}
