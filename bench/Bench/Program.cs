namespace Bench;

/// <summary>
/// <c>dotnet run --project bench/Bench -c Release -- [read] [writes | events add-item payments mixed] [startup] [--quick] [--profile]</c>: starts the system itself
/// (the AppHost's model, through the testing builder), measures each scenario beside its baseline in the same run,
/// prints the figures and writes <c>docs/benchmarks.md</c>.
/// </summary>
internal static class BenchProgram
{
    public static async Task Main(string[] args)
    {
        var scenarios = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var quick = args.Contains("--quick");
        var profile = args.Contains("--profile");
        var all = scenarios.Count == 0;
        var settings = new BenchSettings(
            StepDuration: TimeSpan.FromSeconds(quick ? 3 : 8),
            ReadRates: quick ? [1000, 3000, 5000] : [1000, 2000, 3000, 4000, 5000, 5500, 6000, 6500, 7000, 7500, 8000, 8500, 9000, 10000, 11000, 12000, 13000, 14000, 16000],
            WriteRates: quick ? [20, 50, 100] : [10, 20, 30, 40, 60, 80, 100, 125, 150, 175, 200, 250, 300, 350, 400, 500, 600],
            MixedRate: 100,
            ProfileWindow: profile ? TimeSpan.FromSeconds(40) : null);

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        var report = new BenchReport();
        if (all || scenarios.Contains("read"))
        {
            report.Add(await CachedReadScenario.RunAsync(settings, cancel.Token));
        }

        var writes = WriteScenarios.Names.Where(name => all || scenarios.Contains("writes") || scenarios.Contains(name)).ToHashSet(StringComparer.Ordinal);
        if (writes.Count > 0)
        {
            foreach (var section in await WriteScenarios.RunAsync(settings, writes, cancel.Token))
            {
                report.Add(section);
            }
        }

        if (all || scenarios.Contains("startup"))
        {
            report.Add(await StartupScenario.RunAsync(cancel.Token));
        }

        var path = await report.WriteAsync(TimeProvider.System, cancel.Token);
        Console.WriteLine($"Results written to {path}");
    }
}

/// <summary>How long and how hard to push.</summary>
/// <param name="ProfileWindow">With <c>--profile</c>: before its ladder, the read scenario holds a steady load this long and prints the PIDs to attach dotnet-trace or dotnet-counters to.</param>
internal sealed record BenchSettings(TimeSpan StepDuration, double[] ReadRates, double[] WriteRates, double MixedRate, TimeSpan? ProfileWindow);
