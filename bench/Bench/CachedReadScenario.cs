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
        var configure = settings.ProfileWindow is null ? null : (Action<IDistributedApplicationTestingBuilder>)Apps.WritePerfMaps;
        await using (var platform = await Apps.StartPlatformAsync(settings.Experiment, cancellationToken, configure))
        {
            using var setup = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = platform.HttpEndpoint("gateway") };
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
            using var client = Apps.LoadClient(platform.HttpEndpoint("gateway"));
            client.DefaultRequestHeaders.Add("Cookie", cookie);
            var path = $"/carts/{cartId}";
            system = await LoadAsync(platform, settings, new LoadTarget("gateway GET /carts/{id}", (_, ct) => GetAsync(client, path, ct)), cancellationToken);
        }

        IReadOnlyList<LoadResult> baseline;
        await using (var bare = await Apps.StartBaselineAsync(cancellationToken, configure))
        {
            await using (var redis = await ConnectionMultiplexer.ConnectAsync(await bare.ConnectionStringAsync("baseline-redis", cancellationToken)))
            {
                await redis.GetDatabase().StringSetAsync("cart:bench", payload);
            }

            using var client = Apps.LoadClient(bare.HttpEndpoint("baseline-proxy"));
            baseline = await LoadAsync(bare, settings, new LoadTarget("baseline YARP→Kestrel→Redis", (_, ct) => GetAsync(client, "/value/cart:bench", ct)), cancellationToken);
        }

        return Summarize(system, baseline, payload.Length);
    }

    /// <summary>
    /// After a warm-up, the capacity ladder; with <c>--profile</c>, one steady window instead. The warm-up rises from
    /// 500 to 3,000 req/s over 18 s: under load the JIT recompiles hot code at tier 1 on a background thread for
    /// ~20 s, taking up to a core of the gateway's (dotnet-counters, <c>dotnet.jit.compilation.time</c>). Measured
    /// before it is done, a step competes with the compiler and runs half-optimised code, and the figures depend on how
    /// much code a side has (the baseline has little) rather than on how fast its steady state is.
    /// </summary>
    private static async Task<IReadOnlyList<LoadResult>> LoadAsync(
        DistributedApplication app, BenchSettings settings, LoadTarget target, CancellationToken cancellationToken)
    {
        await OpenLoopLoad.RunPhasesAsync(
            [new("warm-up", 500, TimeSpan.FromSeconds(3)), new("warm-up", 1000, TimeSpan.FromSeconds(5)), new("warm-up", 2000, TimeSpan.FromSeconds(5)), new("warm-up", 3000, TimeSpan.FromSeconds(5))],
            target.Send, cancellationToken);
        return settings.ProfileWindow is { } window
            ? [await HoldForProfilingAsync(app, window, settings.ProfileRate, target, cancellationToken)]
            : await OpenLoopLoad.FindCapacityAsync(target.Name, settings.ReadRates, settings.StepDuration, P95Target, target.Send, CpuMeter.For(app), cancellationToken);
    }

    /// <summary>A steady load at a rate both sides sustain, long enough to attach a profiler to the printed processes.</summary>
    private static async Task<LoadResult> HoldForProfilingAsync(
        DistributedApplication app, TimeSpan window, double rate, LoadTarget target, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Profiling window of {target.Name}: {window.TotalSeconds:0} s at {rate} req/s. Attach now, e.g. perf record -F 999 -g -p <pid> -- sleep 20 (services write perf maps), or dotnet-counters");
        foreach (var (name, processId) in app.ResourceProcesses())
        {
            Console.WriteLine($"  {name,-16} pid {processId}");
        }

        var cpu = CpuMeter.For(app).Start();
        var held = await OpenLoopLoad.RunAsync(target.Name, rate, window, target.Send, cancellationToken);
        held = held with { Cpu = cpu.Stop() };
        Console.WriteLine($"  {held}");
        Console.WriteLine(held.Cpu.Table(held.Requests - held.Errors));
        return held;
    }

    private static async Task<bool> GetAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead, cancellationToken);
        return response.IsSuccessStatusCode;
    }

    private static string Summarize(IReadOnlyList<LoadResult> system, IReadOnlyList<LoadResult> baseline, int payloadBytes)
    {
        var comparison = new CapacityComparison(system, baseline, P95Target);
        // DESIGN §8 and issue 16: a sustained step that offered ≥ 5,000 (a sustained step completes ≥ 95 % of its offered
        // rate, the last requests still draining when it ends), at least the baseline's best, p99 < 25 ms at 5,000, and
        // the gateway within 1.3× of the bare proxy's CPU per request at each side's best step.
        var at5000 = system.LastOrDefault(step => step.OfferedRate == 5000);
        var p99At5000 = at5000?.Latency.Percentile(99);
        var cpuRatio = CpuRatio(comparison, "gateway", "baseline-proxy");
        var rate = comparison.Best is { OfferedRate: >= 5000 } && comparison.Ratio >= 1.0 && !comparison.BaselineUnsaturated;
        var tail = p99At5000 < TimeSpan.FromMilliseconds(25);
        var cpu = cpuRatio <= 1.3;
        var text = new StringBuilder()
            .AppendLine("## 1. Cached cart read")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"`GET /carts/{{id}}` through the gateway (a {payloadBytes}-byte cart served from Redis by either cart-api replica), beside a bare YARP forwarder → Kestrel → Redis GET of the same bytes. The offered rate rises until p95 passes 200 ms, errors pass 1 % or the server falls behind, twice at the same rate (a step that breaks the target is run once more, on both sides).")
            .AppendLine()
            .AppendLine(BenchReport.Table(system.Concat(baseline)))
            .AppendLine()
            .AppendLine(comparison.Headline("baseline") + " of the baseline")
            .AppendLine(CultureInfo.InvariantCulture, $"- target: ≥ 5,000 req/s with p95 < 200 ms and ≥ 100 % of the baseline — {Verdict(rate)}")
            .AppendLine(CultureInfo.InvariantCulture, $"- target: p99 < 25 ms at the 5,000 req/s step: {(p99At5000 is { } p99 ? $"{p99.TotalMilliseconds:0.0} ms" : "no such step")} — {Verdict(tail)}")
            .AppendLine(CultureInfo.InvariantCulture, $"- target: gateway CPU per request within 1.3× the bare proxy's (each at its best step): {(cpuRatio is { } r ? $"{r:0.00}×" : "not measured")} — {Verdict(cpu)}")
            .AppendLine()
            .AppendLine(comparison.CpuTables());
        Console.WriteLine(text);
        return text.ToString().TrimEnd();
    }

    private static string Verdict(bool met) => met ? "met" : "**not met**";

    /// <summary>CPU per request of <paramref name="process"/> at the system's best step over <paramref name="baselineProcess"/>'s at the baseline's.</summary>
    private static double? CpuRatio(CapacityComparison comparison, string process, string baselineProcess) =>
        PerRequest(comparison.Best, process) is { } system && PerRequest(comparison.BestBaseline, baselineProcess) is { } bare && bare > TimeSpan.Zero
            ? system / bare
            : null;

    private static TimeSpan? PerRequest(LoadResult? step, string process) => step?.Cpu?.PerRequest(process, step.Requests);
}
