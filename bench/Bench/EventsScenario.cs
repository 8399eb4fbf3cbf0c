using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using StackExchange.Redis;

namespace Bench;

/// <summary>
/// Scenario 4: a cart written to DynamoDB → its <c>cart.created</c> CloudEvent on the Redis stream, through
/// DynamoDB Streams and the events worker: latency at a paced rate, then how fast the worker drains a burst.
/// </summary>
internal static class EventsScenario
{
    public static async Task<string> RunAsync(DistributedApplication platform, IAmazonDynamoDB dynamodb, BenchSettings settings, CancellationToken cancellationToken)
    {
        Console.WriteLine("Scenario 4: write → CloudEvent latency and the sustained event rate");
        await using var redis = await ConnectionMultiplexer.ConnectAsync(await platform.ConnectionStringAsync("redis", cancellationToken));
        var written = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var latency = new LatencyHistogram();
        var arrived = 0L;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = ReadEventsAsync(redis.GetDatabase(), written, latency, () => Interlocked.Increment(ref arrived), stop.Token);

        // Paced: one write every 50 ms, open loop, latency from the write's acknowledgement to the event in Redis.
        var paced = (int)(20 * settings.PacedEventsDuration.TotalSeconds);
        await OpenLoopLoad.RunAsync("paced writes", 20, settings.PacedEventsDuration, (_, ct) => WriteCartAsync(dynamodb, written, ct), cancellationToken);
        await WaitForAsync(() => Interlocked.Read(ref arrived) >= paced, TimeSpan.FromSeconds(30), cancellationToken);
        var pacedLatency = Snapshot(latency);

        // Burst: 2,000 writes from 16 writers as fast as DynamoDB Local takes them; the worker must keep up.
        const int burst = 2000;
        var before = Interlocked.Read(ref arrived);
        var clock = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < burst)
            {
                await WriteCartAsync(dynamodb, written, cancellationToken);
            }
        }));
        var writeSeconds = clock.Elapsed.TotalSeconds;
        var drained = await WaitForAsync(() => Interlocked.Read(ref arrived) - before >= burst, TimeSpan.FromSeconds(60), cancellationToken);
        var drainSeconds = clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await reader;

        var text = new StringBuilder()
            .AppendLine("## 4. Write → CloudEvent")
            .AppendLine()
            .AppendLine("A cart `META` item put straight into the `carts` table → DynamoDB Streams → the events worker (leases, checkpoints) → `cart.created` on the Redis stream `events:carts`. Latency runs from the write's acknowledgement to the event being readable in Redis.")
            .AppendLine()
            .AppendLine("| run | events | p50 | p95 | p99 | max |")
            .AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |")
            .AppendLine(CultureInfo.InvariantCulture, $"| {paced} writes at 20/s | {pacedLatency.Count} | {pacedLatency.P50} | {pacedLatency.P95} | {pacedLatency.P99} | {pacedLatency.Max} |")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"- burst: {burst} writes from 16 writers took {writeSeconds:0.0} s ({burst / writeSeconds:0} writes/s); every event was in Redis after {drainSeconds:0.0} s ({burst / drainSeconds:0} events/s){(drained ? "" : " — **not all arrived within 60 s**")}")
            .AppendLine(CultureInfo.InvariantCulture, $"- target: p95 < 150 ms and the worker keeps up with the write rate — {(pacedLatency.P95Ms < 150 && drained && drainSeconds < writeSeconds + 2 ? "met" : "**not met**")}");
        Console.WriteLine(text);
        return text.ToString().TrimEnd();
    }

    private static async Task<bool> WriteCartAsync(IAmazonDynamoDB dynamodb, ConcurrentDictionary<string, long> written, CancellationToken cancellationToken)
    {
        var cartId = Guid.NewGuid().ToString("N");
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

        // Registered before the write (negated: pending): on a busy machine the event can reach Redis before this
        // writer sees its acknowledgement; it then counts from the start of the write instead of being missed.
        var sent = Stopwatch.GetTimestamp();
        written[cartId] = -sent;
        await dynamodb.PutItemAsync(new PutItemRequest
        {
            TableName = "carts",
            Item = new()
            {
                ["PK"] = new($"CART#{cartId}"), ["SK"] = new("META"), ["currency"] = new("USD"), ["status"] = new("OPEN"),
                ["version"] = new AttributeValue { N = "1" }, ["createdAt"] = new(now), ["updatedAt"] = new(now),
            },
        }, cancellationToken);
        written.TryUpdate(cartId, Stopwatch.GetTimestamp(), -sent);
        return true;
    }

    private static async Task ReadEventsAsync(IDatabase redis, ConcurrentDictionary<string, long> written, LatencyHistogram latency, Action counted, CancellationToken cancellationToken)
    {
        var last = (await redis.StreamRangeAsync("events:carts", "-", "+", count: 1, messageOrder: Order.Descending)) is [var top] ? top.Id : (RedisValue)"0-0";
        while (!cancellationToken.IsCancellationRequested)
        {
            var entries = await redis.StreamRangeAsync("events:carts", "(" + last, "+", count: 1000);
            var now = Stopwatch.GetTimestamp();
            foreach (var entry in entries)
            {
                last = entry.Id;
                if (entry["type"] == "cart.created" && written.TryRemove(entry["subject"].ToString(), out var at))
                {
                    latency.Record(Stopwatch.GetElapsedTime(Math.Abs(at), now));
                    counted();
                }
            }

            if (entries.Length == 0)
            {
                await Task.Delay(5, CancellationToken.None);
            }
        }
    }

    private static async Task<bool> WaitForAsync(Func<bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(20, cancellationToken);
        }

        return true;
    }

    private static (long Count, string P50, string P95, string P99, string Max, double P95Ms) Snapshot(LatencyHistogram histogram) =>
        (histogram.Count, Ms(histogram.Percentile(50)), Ms(histogram.Percentile(95)), Ms(histogram.Percentile(99)), Ms(histogram.Max), histogram.Percentile(95).TotalMilliseconds);

    private static string Ms(TimeSpan value) => $"{value.TotalMilliseconds:0} ms";
}
