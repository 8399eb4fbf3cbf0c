using Amazon.DynamoDBv2.Model;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace IntegrationTests.Events;

/// <summary>
/// A source table's stream replaced (disabled and enabled again) while the real events worker had not read all of it:
/// the old stream, still listed, is read to its end before the new one, so every change reaches the Redis stream once
/// and each cart's events keep their order across the switch.
/// </summary>
public sealed class ReplacedStreamTests(ReplacedStreamPlatformFixture platform, ITestOutputHelper output) : IClassFixture<ReplacedStreamPlatformFixture>
{
    private const int Carts = 6;
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Changes_left_unread_in_a_replaced_stream_are_published_once_and_before_the_new_streams_in_each_items_order()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(platform.RedisConnectionString);
        var published = await PublishedEvents.FromNowAsync(redis.GetDatabase());
        var cartIds = Enumerable.Range(0, Carts).Select(_ => SourceWrites.NewId()).ToList();
        var subjects = cartIds.ToHashSet(StringComparer.Ordinal);
        await platform.StartWorkerAsync();

        // Version 1 is read while the worker runs: the old stream has leases of this worker group.
        await WriteVersionAsync(cartIds, 1);
        await Eventually.ReturnsAsync(() => published.ReadAsync(subjects), e => e.Count >= Carts, Delivery);

        // Version 2 goes to the old stream while no worker reads it; the stream is then replaced, and version 3 goes to the new one.
        await platform.StopWorkerAsync();
        await WriteVersionAsync(cartIds, 2);
        await platform.ReplaceStreamAsync(ReplacedStreamPlatformFixture.CartsTable);
        await WriteVersionAsync(cartIds, 3);
        await platform.StartWorkerAsync();

        await Eventually.ReturnsAsync(() => published.ReadAsync(subjects), e => cartIds.All(c => e.Any(x => x.Subject == c && VersionOf(x) == 3)), Delivery);
        await Task.Delay(TimeSpan.FromSeconds(3)); // a redelivery or a late old-stream event would arrive by now
        var events = await published.ReadAsync(subjects);
        output.WriteLine(string.Join(Environment.NewLine, events.Select(e => $"{e.Subject} {e.Type} v{VersionOf(e)} {e.SequenceNumber}")));

        Assert.All(cartIds, cartId => Assert.Equal(
            [$"{cartId} v1", $"{cartId} v2", $"{cartId} v3"],
            events.Where(e => e.Subject == cartId).Select(e => $"{cartId} v{VersionOf(e)}")));
        Assert.Equal(events.Count, events.Select(e => e.Id).Distinct().Count());
    }

    /// <summary>Creates each cart's META at version 1 (<c>cart.created</c>), or moves it to <paramref name="version"/> (<c>cart.updated</c>).</summary>
    private async Task WriteVersionAsync(IEnumerable<string> cartIds, long version)
    {
        foreach (var cartId in cartIds)
        {
            var now = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
            await platform.DynamoDb.PutItemAsync(ReplacedStreamPlatformFixture.CartsTable, new()
            {
                ["PK"] = new AttributeValue { S = $"CART#{cartId}" }, ["SK"] = new AttributeValue { S = "META" },
                ["cartId"] = new AttributeValue { S = cartId }, ["currency"] = new AttributeValue { S = "EUR" },
                ["status"] = new AttributeValue { S = "OPEN" }, ["version"] = new AttributeValue { N = version.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                ["createdAt"] = new AttributeValue { S = now }, ["updatedAt"] = new AttributeValue { S = now },
            });
        }
    }

    private static long VersionOf(PublishedEvent e) => e.Json.GetProperty("data").GetProperty("new").GetProperty("version").GetInt64();
}
