using System.Globalization;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace Bench;

/// <summary>
/// Scenario <c>flash-sale</c> (DESIGN §11): one hot SKU bought at rising rates with its stock in 1 shard vs in
/// <see cref="Shards"/> shards (checkouts through the gateway, each a fresh cart of one unit), beside raw conditional
/// decrements on 1 item vs on <see cref="Shards"/> items in the same run; the sharding gain is each pair's ratio.
/// </summary>
internal static class FlashSaleScenario
{
    public const int Shards = 8;
    private const string HotSku = "SKU-2901";
    private static readonly TimeSpan P95Target = TimeSpan.FromMilliseconds(500);

    public static async Task<string> RunAsync(BenchSettings settings, bool quick, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Scenario flash-sale: checkouts of one SKU with 1 vs {Shards} stock shards, beside raw conditional updates on 1 vs {Shards} items");
        double[] checkoutRates = quick ? [10, 20, 40] : [10, 20, 40, 60, 80, 100, 125, 150, 200, 250];
        double[] rawRates = quick ? [100, 300, 600] : [100, 200, 400, 600, 800, 1000, 1300, 1600, 2000, 2500];

        await using var platform = await Apps.StartPlatformAsync(settings.Experiment, cancellationToken);
        using var gateway = Apps.LoadClient(platform.HttpEndpoint("gateway"));
        using var setup = new HttpClient(new SocketsHttpHandler { UseProxy = false, UseCookies = false }) { BaseAddress = platform.HttpEndpoint("gateway"), Timeout = TimeSpan.FromMinutes(2) };
        using var dynamodb = new AmazonDynamoDBClient(
            new BasicAWSCredentials("local", "local"),
            new AmazonDynamoDBConfig { ServiceURL = platform.HttpEndpoint("dynamodb").ToString(), AuthenticationRegion = "us-east-1" });
        var buyers = await FlashSaleBuyers.ArriveAsync(platform, gateway, setup, 20, cancellationToken);
        var admin = new Buyer(platform.TokenIssuer().MintToken($"bench-admin-{Guid.NewGuid():N}", DateTimeOffset.UtcNow, TimeSpan.FromHours(4)), $"benchadmin{Guid.NewGuid():N}", string.Empty);

        await WarmUpAsync(setup, buyers, admin, cancellationToken);
        var (oneShard, manyShards) = await CheckoutLaddersAsync(setup, buyers, admin, checkoutRates, settings.StepDuration, cancellationToken);
        var raw = new RawStockUpdates(dynamodb, Guid.NewGuid().ToString("N"));
        await raw.CreateAsync(Shards, cancellationToken);
        var (rawMany, rawOne) = await OpenLoopLoad.FindCapacitiesSideBySideAsync(
            new LoadTarget($"raw update, {Shards} items", (_, ct) => raw.DecrementAsync(Random.Shared.Next(Shards), ct)),
            new LoadTarget("raw update, 1 item", (_, ct) => raw.DecrementAsync(0, ct)),
            rawRates, settings.StepDuration, P95Target, null, cancellationToken);

        var checkoutGain = new CapacityComparison(manyShards, oneShard, P95Target);
        var rawGain = new CapacityComparison(rawMany, rawOne, P95Target);
        var text = new StringBuilder()
            .AppendLine("## 7. Flash sale: write sharding")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Checkouts through the gateway of one unit of a hot SKU (a fresh cart each, 20 signed-in buyers, no delivery slot), its stock (ample, reset before each step) in 1 shard vs in {Shards} shards, the two interleaved rate by rate; beside them, in the same run, a plain client sending DynamoDB Local conditional decrements (`available >= 1`) on 1 item vs on {Shards} items. Each ladder rises until p95 passes 500 ms, errors pass 1 % or it falls behind. DynamoDB Local has no partitions, so what sharding buys here is fewer transaction conflicts on one item; in AWS it also spreads the writes over partitions (1,000 writes/s each).")
            .AppendLine()
            .AppendLine(BenchReport.Table(oneShard.Concat(manyShards).Concat(rawOne).Concat(rawMany)))
            .AppendLine()
            .AppendLine(checkoutGain.Headline("1 shard") + $" — the sharding gain of checkouts ({Shards} shards / 1 shard)")
            .AppendLine(rawGain.Headline("1 item") + $" — the sharding gain of raw conditional updates ({Shards} items / 1 item)")
            .AppendLine(LatencyAtFirstRate("checkouts", manyShards, oneShard, $"{Shards} shards", "1 shard"));
        Console.WriteLine(text);
        return text.ToString().TrimEnd();
    }

    private static async Task<(List<LoadResult> OneShard, List<LoadResult> ManyShards)> CheckoutLaddersAsync(
        HttpClient setup, FlashSaleBuyers buyers, Buyer admin, double[] rates, TimeSpan duration, CancellationToken cancellationToken)
    {
        var one = new List<LoadResult>();
        var many = new List<LoadResult>();
        var oneGoing = true;
        var manyGoing = true;
        foreach (var rate in rates)
        {
            if (oneGoing)
            {
                oneGoing = await OpenLoopLoad.ClimbAsync(one, rate, r => CheckoutStepAsync(setup, buyers, admin, 1, r, duration, cancellationToken), P95Target);
            }

            if (manyGoing)
            {
                manyGoing = await OpenLoopLoad.ClimbAsync(many, rate, r => CheckoutStepAsync(setup, buyers, admin, Shards, r, duration, cancellationToken), P95Target);
            }

            if (!oneGoing && !manyGoing)
            {
                break;
            }
        }

        return (one, many);
    }

    // Where a side sustains no rate at all, the ratio of capacities says nothing; the latencies at the lowest rate still do.
    private static string LatencyAtFirstRate(string what, IReadOnlyList<LoadResult> sharded, IReadOnlyList<LoadResult> single, string shardedName, string singleName)
    {
        var rate = single.FirstOrDefault()?.OfferedRate;
        var a = sharded.LastOrDefault(step => step.OfferedRate == rate);
        var b = single.LastOrDefault(step => step.OfferedRate == rate);
        return a is null || b is null
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $"- {what} at {rate:0}/s (last attempt): {shardedName} p50 {a.Ms(50)}, p95 {a.Ms(95)} vs {singleName} p50 {b.Ms(50)}, p95 {b.Ms(95)}");
    }

    // A few unmeasured checkouts first, so JIT and connection pools are not what the first step measures.
    private static async Task WarmUpAsync(HttpClient setup, FlashSaleBuyers buyers, Buyer admin, CancellationToken cancellationToken)
    {
        await FlashSaleBuyers.SendAsync(setup, HttpMethod.Put, $"/admin/stock/{HotSku}", admin, new { quantity = 1_000_000, shards = Shards }, cancellationToken);
        foreach (var cart in await buyers.CartsAsync(HotSku, 20, cancellationToken))
        {
            await buyers.CheckoutAsync(cart, cancellationToken);
        }
    }

    // The carts a step buys are made before it starts (not measured); the stock is reset so no step runs out.
    private static async Task<LoadResult> CheckoutStepAsync(
        HttpClient setup, FlashSaleBuyers buyers, Buyer admin, int shards, double rate, TimeSpan duration, CancellationToken cancellationToken)
    {
        await FlashSaleBuyers.SendAsync(setup, HttpMethod.Put, $"/admin/stock/{HotSku}", admin, new { quantity = 1_000_000, shards }, cancellationToken);
        var carts = await buyers.CartsAsync(HotSku, (int)Math.Ceiling(rate * duration.TotalSeconds), cancellationToken);
        var step = await OpenLoopLoad.RunAsync(
            $"checkout, {shards} shard{(shards == 1 ? "" : "s")}", rate, duration, (i, ct) => buyers.CheckoutAsync(carts[i % carts.Length], ct), cancellationToken);
        Console.WriteLine($"  {step}");
        return step;
    }

    /// <summary>The baseline: stock items of the same shape, decremented under the same condition, with nothing around them.</summary>
    private sealed class RawStockUpdates(IAmazonDynamoDB dynamodb, string run)
    {
        public Task CreateAsync(int items, CancellationToken cancellationToken) => Task.WhenAll(Enumerable.Range(0, items).Select(n =>
            dynamodb.PutItemAsync(new PutItemRequest
            {
                TableName = "carts",
                Item = new()
                {
                    ["PK"] = new(Pk(n)), ["SK"] = new("STOCK"), ["sku"] = new($"BENCH-{run}"),
                    ["shard"] = new() { N = n.ToString(CultureInfo.InvariantCulture) }, ["available"] = new() { N = "1000000000000" },
                },
            }, cancellationToken)));

        public async Task<bool> DecrementAsync(int item, CancellationToken cancellationToken)
        {
            try
            {
                await dynamodb.UpdateItemAsync(new UpdateItemRequest
                {
                    TableName = "carts",
                    Key = new() { ["PK"] = new(Pk(item)), ["SK"] = new("STOCK") },
                    ConditionExpression = "available >= :one",
                    UpdateExpression = "SET available = available - :one, lastChange = :change, updatedAt = :now",
                    ExpressionAttributeValues = new()
                    {
                        [":one"] = new() { N = "1" },
                        [":change"] = new("RESERVED"),
                        [":now"] = new(DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)),
                    },
                }, cancellationToken);
                return true;
            }
            catch (ConditionalCheckFailedException)
            {
                return false;
            }
        }

        private string Pk(int item) => $"BENCH#{run}#{item.ToString("00", CultureInfo.InvariantCulture)}";
    }
}
