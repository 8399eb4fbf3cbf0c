using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using StackExchange.Redis;

namespace Bench;

/// <summary>Scenario 1: a cached cart read through the gateway, beside a bare YARP → Kestrel → Redis GET of the same payload.</summary>
internal static class CachedReadScenario
{
    private static readonly TimeSpan P95Target = TimeSpan.FromMilliseconds(200);

    public static async Task<string> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        Console.WriteLine("Scenario 1: cached cart read (gateway → cart-api → Redis) vs bare YARP → Kestrel → Redis GET");

        IReadOnlyList<LoadResult> system;
        byte[] payload;
        await using (var platform = await Apps.StartPlatformAsync(cancellationToken))
        {
            using var setup = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = platform.GetEndpoint("gateway") };
            var created = await setup.PostAsJsonAsync("/carts", new { }, cancellationToken);
            created.EnsureSuccessStatusCode();
            var cartId = (await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("cartId").GetString()!;
            var cookie = created.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("deviceId=", StringComparison.Ordinal)).Split(';')[0];
            setup.DefaultRequestHeaders.Add("Cookie", cookie);
            foreach (var sku in new[] { "SKU-1", "SKU-2", "SKU-3" })
            {
                (await setup.PostAsJsonAsync($"/carts/{cartId}/items", new { sku, qty = 2, attrs = new { size = "M" } }, cancellationToken)).EnsureSuccessStatusCode();
            }

            payload = await setup.GetByteArrayAsync($"/carts/{cartId}", cancellationToken);
            using var client = Apps.LoadClient(platform.GetEndpoint("gateway"));
            client.DefaultRequestHeaders.Add("Cookie", cookie);
            var path = $"/carts/{cartId}";
            await WarmUpAsync(client, path, cancellationToken);
            if (settings.ProfileWindow is { } window)
            {
                await HoldForProfilingAsync(platform, window, (_, ct) => GetAsync(client, path, ct), cancellationToken);
            }

            system = await OpenLoopLoad.FindCapacityAsync("gateway GET /carts/{id}", settings.ReadRates, settings.StepDuration, P95Target,
                (_, ct) => GetAsync(client, path, ct), CpuMeter.For(platform), cancellationToken);
        }

        IReadOnlyList<LoadResult> baseline;
        await using (var bare = await Apps.StartBaselineAsync(cancellationToken))
        {
            await using (var redis = await ConnectionMultiplexer.ConnectAsync(bare.GetConnectionString("baseline-redis")))
            {
                await redis.GetDatabase().StringSetAsync("cart:bench", payload);
            }

            using var client = Apps.LoadClient(bare.GetEndpoint("baseline-proxy"));
            await WarmUpAsync(client, "/value/cart:bench", cancellationToken);
            baseline = await OpenLoopLoad.FindCapacityAsync("baseline YARP→Kestrel→Redis", settings.ReadRates, settings.StepDuration, P95Target,
                (_, ct) => GetAsync(client, "/value/cart:bench", ct), CpuMeter.For(bare), cancellationToken);
        }

        return Summarize(system, baseline, payload.Length);
    }

    /// <summary>A steady load at a rate the system sustains, long enough to attach a profiler to the printed processes.</summary>
    private static async Task HoldForProfilingAsync(
        DistributedApplication app, TimeSpan window, Func<long, CancellationToken, Task<bool>> send, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Profiling window: {window.TotalSeconds:0} s at 4000 req/s. Attach now, e.g. dotnet-trace collect -p <pid> --duration 00:00:00:20");
        foreach (var replica in app.ResourceNotifications.Snapshot().Where(r => r.ProcessId is not null))
        {
            Console.WriteLine($"  {replica.ReplicaName,-16} pid {replica.ProcessId}");
        }

        var held = await OpenLoopLoad.RunAsync("profiling window", 4000, window, send, cancellationToken);
        Console.WriteLine($"  {held}");
    }

    private static async Task<bool> GetAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead, cancellationToken);
        return response.IsSuccessStatusCode;
    }

    private static async Task WarmUpAsync(HttpClient client, string path, CancellationToken cancellationToken) =>
        await OpenLoopLoad.RunAsync("warm-up", 500, TimeSpan.FromSeconds(3), (_, ct) => GetAsync(client, path, ct), cancellationToken);

    private static string Summarize(IReadOnlyList<LoadResult> system, IReadOnlyList<LoadResult> baseline, int payloadBytes)
    {
        var comparison = new CapacityComparison(system, baseline, P95Target);
        var met = comparison.Best is { AchievedRate: >= 5000 } && comparison.Ratio >= 0.6 && !comparison.BaselineUnsaturated;
        var text = new StringBuilder()
            .AppendLine("## 1. Cached cart read")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"`GET /carts/{{id}}` through the gateway (a {payloadBytes}-byte cart served from Redis by either cart-api replica), beside a bare YARP forwarder → Kestrel → Redis GET of the same bytes. The offered rate rises until p95 passes 200 ms, errors pass 1 % or the server falls behind.")
            .AppendLine()
            .AppendLine(BenchReport.Table(system.Concat(baseline)))
            .AppendLine()
            .AppendLine(comparison.Headline("baseline") + " of the baseline")
            .AppendLine(CultureInfo.InvariantCulture, $"- target: ≥ 5,000 req/s with p95 < 200 ms and ≥ 60 % of the baseline — {(met ? "met" : "**not met**")}")
            .AppendLine()
            .AppendLine(comparison.CpuTables());
        Console.WriteLine(text);
        return text.ToString().TrimEnd();
    }
}
