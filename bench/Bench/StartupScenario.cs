using System.Globalization;
using System.Reflection;
using System.Text;

namespace Bench;

/// <summary>
/// Scenario 6: <c>dotnet run --project AppHost</c> (already built) from start to every service healthy and the dashboard
/// answering, then the memory of every process of the run — the AppHost, DCP, the dashboard, the stores, the services.
/// </summary>
internal static class StartupScenario
{
    /// <summary>
    /// How long the system idles before its memory is read: long enough for start-up garbage to settle and for the
    /// JIT's later tiers to have compiled what idle work runs (at 15 s a replica measured 137 MB that reached 156 MB
    /// by 100 s; docs/benchmarks.md, "Idle memory: where it goes").
    /// </summary>
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Starts timed before the one whose memory and timeline are kept: single starts of the same build differed by
    /// 1.5–4 s (docs/benchmarks.md, "Start-up: what was tried"), so the figure is the median of three.
    /// </summary>
    private const int EarlierStarts = 2;

    public static async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        Console.WriteLine("Scenario 6: start-up to all-healthy, and idle memory per process");
        var configuration = typeof(StartupScenario).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var starts = new List<TimeSpan>();
        for (var i = 0; i < EarlierStarts; i++)
        {
            var earlier = await StartHealthyAsync(configuration, cancellationToken);
            starts.Add(earlier.Healthy);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  a start: {earlier.Healthy.TotalSeconds:0.0} s to all healthy"));
            await earlier.Run.StopAsync(TimeSpan.FromSeconds(60));
        }

        var (launched, healthy, started) = await StartHealthyAsync(configuration, cancellationToken);
        await using var run = started;
        starts.Add(healthy);
        var startup = starts.Order().ElementAt(starts.Count / 2);
        var processes = run.Processes();
        var startupCpuSeconds = processes.ToDictionary(p => p.Id, p => p.CpuTime().TotalSeconds);
        var timeline = Timeline(processes, launched, startupCpuSeconds, healthy);
        await Task.Delay(Idle, cancellationToken);

        const double MB = 1024.0 * 1024.0;
        var rows = processes
            .Select(p => (Name: Describe(p), Resident: p.ResidentBytes() / MB, Proportional: p.ProportionalBytes() / MB, CpuSeconds: startupCpuSeconds[p.Id]))
            .GroupBy(r => r.Name)
            .Select(g => (
                Name: Label(g),
                Resident: g.Sum(r => r.Resident),
                Proportional: g.Sum(r => r.Proportional),
                Each: g.Max(r => r.Resident),
                CpuSeconds: g.Sum(r => r.CpuSeconds)))
            .OrderByDescending(r => r.Proportional)
            .ToArray();

        var text = new StringBuilder()
            .AppendLine("## 6. Start-up and idle memory")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"- `dotnet run --project AppHost --no-build -c {configuration}` to every service answering `/health` and the dashboard answering: **{startup.TotalSeconds:0.0} s**, the median of {starts.Count} starts one after the other ({string.Join(", ", starts.Select(s => s.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)))} s) — target < 10 s: {(startup.TotalSeconds < 10 ? "met" : "**not met**")}")
            .AppendLine()
            .AppendLine("Memory and CPU of the last start:")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"| process | resident after {Idle.TotalSeconds:0} s idle | proportional (shared pages divided) | CPU used to start |")
            .AppendLine("| --- | ---: | ---: | ---: |");
        foreach (var (name, resident, proportional, _, cpuSeconds) in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {resident:0} MB | {proportional:0} MB | {cpuSeconds:0.0} s |");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"| **all** | **{rows.Sum(r => r.Resident):0} MB** | **{rows.Sum(r => r.Proportional):0} MB** | **{rows.Sum(r => r.CpuSeconds):0.0} s** |");
        var services = rows.Where(r => SystemServices.Expected.Keys.Any(s => r.Name.StartsWith(s, StringComparison.Ordinal))).ToArray();
        text.AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"- each .NET service < 150 MB idle: {(services.All(s => s.Each < 150) ? "met" : "**not met**")}")
            .AppendLine()
            .Append(timeline);
        Console.WriteLine(text);
        return text.ToString().TrimEnd();
    }

    /// <summary>
    /// <c>dotnet run --project AppHost</c> until every service is healthy: when it was launched (local time, as the
    /// kernel's process start times are read), how long it took, and the run.
    /// </summary>
    private static async Task<(DateTime Launched, TimeSpan Healthy, AppHostRun Run)> StartHealthyAsync(string configuration, CancellationToken cancellationToken)
    {
        var launched = DateTime.Now;
        var clock = Stopwatch.StartNew();
        var run = AppHostRun.Start([], configuration: configuration);
        try
        {
            await run.WaitUntilHealthyAsync(SystemServices.Expected, TimeSpan.FromMinutes(3), cancellationToken);
            return (launched, clock.Elapsed, run);
        }
        catch
        {
            await run.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// When each process started, in order: the AppHost starts a service once what it waits for is healthy
    /// (<c>WaitFor</c>), so the start times are the critical path — DynamoDB Local and Redis, then the services that wait
    /// for them, then the gateway and the worker (waiting for Cart.Api and Payments.Api), then the canary (for the gateway).
    /// DCP's per-resource <c>monitor-process</c> helpers are left out; they start with what they watch.
    /// </summary>
    private static string Timeline(IReadOnlyList<SystemProcess> processes, DateTime launched, IReadOnlyDictionary<int, double> cpuSeconds, TimeSpan healthy)
    {
        var text = new StringBuilder()
            .AppendLine("Start-up timeline of the last start: when each process started, counted from the `dotnet run`, and the CPU it had used when all were healthy.")
            .AppendLine()
            .AppendLine("| process | started after | CPU used to start |")
            .AppendLine("| --- | ---: | ---: |");
        var started = processes
            .Where(p => !p.CommandLine.Contains("dcp monitor-process", StringComparison.Ordinal))
            .Select(p => (Name: Describe(p), Started: p.StartTime() - launched, CpuSeconds: cpuSeconds[p.Id]))
            .Where(p => p.Started is not null)
            .GroupBy(p => p.Name)
            .Select(g => (Name: Label(g), Started: g.Min(p => p.Started!.Value), CpuSeconds: g.Sum(p => p.CpuSeconds)))
            .OrderBy(p => p.Started);
        foreach (var (name, at, cpu) in started)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {Math.Max(at.TotalSeconds, 0):0.0} s | {cpu:0.0} s |");
        }

        return text.AppendLine(CultureInfo.InvariantCulture, $"| all healthy | {healthy.TotalSeconds:0.0} s | |").ToString().TrimEnd();
    }

    /// <summary>A group of processes of one program: its name, and how many when more than one (<c>Cart.Api ×2</c>).</summary>
    private static string Label<T>(IGrouping<string, T> group) => group.Count() == 1 ? group.Key : $"{group.Key} ×{group.Count()}";

    /// <summary>The program, and for DCP and dotnet what it is doing (<c>dcp monitor-process</c>, <c>dotnet run</c>).</summary>
    private static string Describe(SystemProcess process)
    {
        var words = process.CommandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return process.Program switch
        {
            "dcp" or "dotnet" when words.Length > 1 => $"{process.Program} {words[1]}",
            _ => process.Program,
        };
    }
}
