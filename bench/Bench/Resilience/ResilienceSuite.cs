using System.Net.Http.Json;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Bench.Resilience.Faults;
using StackExchange.Redis;

namespace Bench.Resilience;

/// <summary>
/// <c>dotnet run --project bench/Bench -c Release -- resilience [--quick] [--Section:Key=value…]</c>: starts the whole system once (fault
/// injector and restart policy on), runs steady mixed load through the gateway, puts each fault on and off in turn,
/// then checks that nothing was lost, duplicated or double charged and that every accepted write's event was published.
/// Writes the table into <c>docs/resilience.md</c>; exits 1 when a check fails or any request got a 500.
/// </summary>
internal static class ResilienceSuite
{
    private const double Rate = 40;
    private const int Carts = 40;
    private const int Payers = 10;

    /// <param name="appHostArguments">AppHost settings for this run (<c>--DynamoDBLocal:CallsInFlight=8</c>), printed at the start.</param>
    public static async Task<int> RunAsync(bool quick, IReadOnlyList<string> appHostArguments, CancellationToken cancellationToken)
    {
        var timings = quick ? SuiteTimings.Quick : SuiteTimings.Full;
        IFault[] faults =
        [
            DynamoDbFault.Throttling(), DynamoDbFault.LatencySpike(), DynamoDbFault.Stall(),
            new RedisStall(), new RedisEvictionStorm(), ProcessKill.Replica(), ProcessKill.Worker(),
        ];

        Console.WriteLine("Resilience suite: starting the platform with the DynamoDB fault injector and the restart policy"
            + (appHostArguments.Count > 0 ? $" ({string.Join(' ', appHostArguments)})" : ""));
        await using var platform = await ResiliencePlatform.StartAsync(appHostArguments, cancellationToken);
        using var gateway = Apps.LoadClient(platform.HttpEndpoint("gateway"));
        var redisOptions = ConfigurationOptions.Parse(await platform.ConnectionStringAsync("redis", cancellationToken));
        redisOptions.AllowAdmin = true; // CONFIG SET for the eviction storm
        await using var redis = await ConnectionMultiplexer.ConnectAsync(redisOptions);
        using var dynamodb = new AmazonDynamoDBClient(
            new BasicAWSCredentials("local", "local"),
            new AmazonDynamoDBConfig { ServiceURL = platform.HttpEndpoint("dynamodb").ToString(), AuthenticationRegion = "us-east-1" });

        var events = new PublishedEventLog();
        using var stopFollowing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var following = await events.StartFollowingAsync(redis.GetDatabase(), stopFollowing.Token);

        var ledger = new WriteLedger();
        var carts = await GuestCart.CreateAsync(gateway, Carts, cancellationToken);
        var payers = await CreatePayersAsync(platform, gateway, cancellationToken);
        var load = new ResilienceLoad(gateway, carts, payers, ledger);
        var setup = new WindowStats("setup", "setup");
        foreach (var payer in payers)
        {
            await load.WriteAsync(ResilienceLoad.Movement(WriteKind.Deposit, payer, 1_000_000), setup, cancellationToken);
        }

        Console.WriteLine($"  {Carts} guest carts, {Payers} funded accounts; load {Rate:0} operations/s");
        var windows = new List<WindowStats> { setup };
        var runs = new List<FaultRun>();
        var context = new FaultContext(platform, redis, [.. carts.Select(c => c.CartId)]);
        using (var stopLoad = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var running = load.RunAsync(Rate, stopLoad.Token);
            var warmUp = await WarmUpAsync(load, windows, timings, cancellationToken);
            Console.WriteLine($"  warm-up: {warmUp.TotalSeconds:0} s of load until it was answered steadily");
            var before = Enter(load, windows, "none", "baseline");
            await Task.Delay(timings.Baseline, cancellationToken);
            before.Length = timings.Baseline;
            foreach (var fault in faults)
            {
                var during = Enter(load, windows, fault.Name, "during");
                var clock = Stopwatch.StartNew();
                await fault.InjectAsync(context, cancellationToken);
                FaultOutcome outcome;
                try
                {
                    await Task.Delay(timings.Hold, cancellationToken);
                }
                finally
                {
                    outcome = await fault.ClearAsync(context, CancellationToken.None);
                }

                during.Length = clock.Elapsed;
                var after = Enter(load, windows, fault.Name, "after");
                await Task.Delay(timings.After, cancellationToken);
                after.Length = timings.After;
                runs.Add(new FaultRun(fault, before, during, after, outcome));
                Console.WriteLine($"  {fault.Name}: {during.Requests} requests while on, {during.Count(s => s >= 500 || s == WindowStats.NoAnswer)} 5xx or unanswered; {outcome.Proof}");
                before = after;
            }

            await stopLoad.CancelAsync();
            await running;
        }

        Console.WriteLine("  settling writes without a definite answer, then checking integrity");
        await load.SettleAsync(Enter(load, windows, "settle", "settle"), cancellationToken);
        var checks = await new IntegrityChecks(gateway, dynamodb, carts, payers, ledger.All, events).RunAsync(cancellationToken);
        await stopFollowing.CancelAsync();
        await following;

        var report = new ResilienceReport(Rate, timings, runs, windows, checks);
        Console.WriteLine();
        Console.WriteLine(report.Markdown(TimeProvider.System));
        Console.WriteLine($"Results written to {await report.WriteAsync(TimeProvider.System, cancellationToken)}");
        return report.Passed ? 0 : 1;
    }

    /// <summary>
    /// The same load, in short windows, until one is answered steadily (or the limit): a platform that has just started —
    /// a fresh DynamoDB Local JVM, cold JIT everywhere, the seed's stream records in the worker — is not the steady state
    /// a fault is measured against, and without this the first fault's "before" measured the start-up. A window is
    /// judged one window after it ends, so that its slow requests have had time to be counted: steady means nearly all
    /// its operations finished, none of its requests failed or went unanswered, and their p95 is under the bar. (Judged
    /// at its end, a window whose requests mostly hung looked steady: only the fast ones had been recorded.)
    /// </summary>
    private static async Task<TimeSpan> WarmUpAsync(ResilienceLoad load, List<WindowStats> windows, SuiteTimings timings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        WindowStats? previous = null;
        while (true)
        {
            var window = Enter(load, windows, "none", WindowStats.WarmUp);
            await Task.Delay(SuiteTimings.WarmUpWindow, cancellationToken);
            window.Length = SuiteTimings.WarmUpWindow;
            if (previous is not null && IsSteady(previous) || clock.Elapsed >= timings.WarmUpLimit)
            {
                return clock.Elapsed;
            }

            previous = window;
        }
    }

    private static bool IsSteady(WindowStats window) =>
        window.Operations >= 0.95 * Rate * SuiteTimings.WarmUpWindow.TotalSeconds
        && window.Count(status => status >= 500 || status == WindowStats.NoAnswer) == 0
        && window.RequestLatency.Percentile(95) < SuiteTimings.SteadyP95;

    private static WindowStats Enter(ResilienceLoad load, List<WindowStats> windows, string fault, string phase)
    {
        var window = new WindowStats(fault, phase);
        windows.Add(window);
        load.Enter(window);
        return window;
    }

    private static async Task<Payer[]> CreatePayersAsync(DistributedApplication platform, HttpClient gateway, CancellationToken cancellationToken)
    {
        var issuer = platform.TokenIssuer();
        return await Task.WhenAll(Enumerable.Range(0, Payers).Select(async n =>
        {
            var userId = $"resilience-{n}-{Guid.NewGuid():N}";
            var token = issuer.MintToken(userId, DateTimeOffset.UtcNow, TimeSpan.FromHours(2));
            using var request = new Payer(userId, token, "").Authorized(HttpMethod.Post, "/accounts", JsonContent.Create(new { currency = "EUR" }));
            using var response = await gateway.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
            var accountId = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("accountId").GetString()!;
            return new Payer(userId, token, accountId);
        }));
    }
}
