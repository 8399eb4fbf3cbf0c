using System.Runtime.InteropServices;

namespace Bench;

/// <summary>
/// <c>dotnet run --project bench/Bench -c Release -- [read] [writes | events add-item payments mixed] [flash-sale] [startup] [--quick] [--profile [--profile-rate 4000]] [--env resource:NAME=value …]</c> (or <c>-- soak [--duration 00:30:00]</c>): starts the system itself
/// (the AppHost's model, through the testing builder), measures each scenario beside its baseline in the same run,
/// prints the figures and writes <c>docs/benchmarks.md</c>.
/// </summary>
internal static class BenchProgram
{
    public static async Task Main(string[] args)
    {
        string[] optionsWithValues = ["--profile-rate", ResourceEnvironment.Option];
        var scenarios = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !optionsWithValues.Contains(args[i - 1]))).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var quick = args.Contains("--quick");
        var profile = args.Contains("--profile");
        var profileRate = args.SkipWhile(a => a != "--profile-rate").Skip(1).Select(a => double.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault(4000);
        var settings = new BenchSettings(
            StepDuration: TimeSpan.FromSeconds(quick ? 3 : 8),
            PacedEventsDuration: TimeSpan.FromSeconds(quick ? 3 : 60),
            ReadRates: quick ? [1000, 3000, 5000] : [1000, 2000, 3000, 4000, 5000, 5500, 6000, 6500, 7000, 7500, 8000, 8500, 9000, 10000, 11000, 12000, 13000, 14000, 16000],
            // Steps about 10 % apart wherever the write scenarios have saturated on this machine (60/s to 450/s), so a ratio
            // to the raw rate is not decided by the ladder's coarseness (docs/benchmarks.md, History: 350 → 400 → 500 read
            // a service that held 348/s against a raw client that held 400/s as 87 %, whatever lay between).
            WriteRates: quick ? [20, 50, 100] : [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 125, 150, 175, 200, 225, 250, 275, 300, 330, 360, 400, 440, 480, 530, 580, 640],
            MixedRate: 100,
            ProfileWindow: profile ? TimeSpan.FromSeconds(40) : null,
            ProfileRate: profileRate,
            Experiment: ResourceEnvironment.FromArguments(args));

        // Ctrl+C, or a SIGTERM from a script or CI: stop the load and dispose the platforms, so no service outlives the bench.
        using var cancel = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            cancel.Cancel();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        try
        {
            if (scenarios.Contains("resilience"))
            {
                // Settings of the AppHost's own (--Section:Key=value) pass through to it.
                Environment.ExitCode = await Resilience.ResilienceSuite.RunAsync(quick, [.. args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains(':', StringComparison.Ordinal))], cancel.Token);
                return;
            }

            await (scenarios.Contains("soak") // not part of the default run: docs/resilience.md, "Soak"
                ? SoakScenario.RunAsync(SoakSettings.Parse(args), cancel.Token)
                : RunAsync(settings, scenarios, quick, cancel.Token));
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            Console.Error.WriteLine("Stopped before the end: docs/benchmarks.md is left as it was.");
            Environment.ExitCode = 130;
        }
    }

    private static async Task RunAsync(BenchSettings settings, IReadOnlySet<string> scenarios, bool quick, CancellationToken cancellationToken)
    {
        var all = scenarios.Count == 0;
        var report = new BenchReport();
        if (all || scenarios.Contains("read"))
        {
            report.Add(await CachedReadScenario.RunAsync(settings, cancellationToken));
        }

        var writes = WriteScenarios.Names.Where(name => all || scenarios.Contains("writes") || scenarios.Contains(name)).ToHashSet(StringComparer.Ordinal);
        if (writes.Count > 0)
        {
            foreach (var section in await WriteScenarios.RunAsync(settings, writes, cancellationToken))
            {
                report.Add(section);
            }
        }

        if (all || scenarios.Contains("flash-sale"))
        {
            report.Add(await FlashSaleScenario.RunAsync(settings, quick, cancellationToken));
        }

        if (all || scenarios.Contains("startup"))
        {
            report.Add(await StartupScenario.RunAsync(cancellationToken));
        }

        if (!settings.MeasuresTheCommittedSystem)
        {
            Console.WriteLine($"{(settings.ProfileWindow is not null ? "Profile run" : $"Experiment ({string.Join(", ", settings.Experiment)})")}: docs/benchmarks.md is left as it was.");
            return;
        }

        var path = await report.WriteAsync(TimeProvider.System, cancellationToken);
        Console.WriteLine($"Results written to {path}");
    }
}

/// <summary>How long and how hard to push.</summary>
/// <param name="PacedEventsDuration">How long scenario 4 writes at 20/s. Its p95 is the 95th of every hundred events: from 160 (one 8 s step) it was decided by one slow second, and repeated runs gave 102 to 217 ms.</param>
/// <param name="ProfileWindow">With <c>--profile</c>: instead of its ladders, the read scenario holds each side at a steady load this long, prints the PIDs to attach dotnet-trace, dotnet-counters or perf to, and the CPU per request by process.</param>
/// <param name="ProfileRate">The steady load of a profile window (<c>--profile-rate</c>, 4,000 req/s): below the gateway's capacity, so a profile shows its work rather than an overload's spinning and queueing.</param>
/// <param name="Experiment">Environment variables set on the platform's resources (<c>--env</c>, <see cref="ResourceEnvironment"/>); none for a run of the system as committed.</param>
internal sealed record BenchSettings(TimeSpan StepDuration, TimeSpan PacedEventsDuration, double[] ReadRates, double[] WriteRates, double MixedRate, TimeSpan? ProfileWindow, double ProfileRate, IReadOnlyList<ResourceEnvironment> Experiment)
{
    /// <summary>Ladders of the system as committed, the only runs docs/benchmarks.md is written from: no profile window, no experiment.</summary>
    public bool MeasuresTheCommittedSystem => ProfileWindow is null && Experiment.Count == 0;
}
