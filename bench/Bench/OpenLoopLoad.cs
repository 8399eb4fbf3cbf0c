namespace Bench;

/// <summary>
/// Sends requests at a fixed offered rate whatever the server does (open loop), and measures each latency from
/// the moment the request was <em>due</em>, so a stalled server shows up as latency instead of as fewer requests
/// (no coordinated omission).
/// </summary>
public static class OpenLoopLoad
{
    /// <summary>More in flight than this and the generator, not the server, would be the bottleneck: count as errors.</summary>
    private const int MaxInFlight = 4096;

    public static async Task<LoadResult> RunAsync(
        string name, double requestsPerSecond, TimeSpan duration, Func<long, CancellationToken, Task<bool>> send, CancellationToken cancellationToken) =>
        (await RunPhasesAsync([new LoadPhase(name, requestsPerSecond, duration)], send, cancellationToken))[0];

    /// <summary>Back-to-back phases at different offered rates (a spike), each measured on its own, with no pause between them.</summary>
    public static async Task<IReadOnlyList<LoadResult>> RunPhasesAsync(
        IReadOnlyList<LoadPhase> phases, Func<long, CancellationToken, Task<bool>> send, CancellationToken cancellationToken)
    {
        var histograms = phases.Select(_ => new LatencyHistogram()).ToArray();
        var errors = new long[phases.Count];
        var counts = new long[phases.Count];
        long inFlight = 0;
        var pending = new List<Task>();
        var clock = Stopwatch.StartNew();
        var phaseStart = TimeSpan.Zero;
        long sequence = 0;

        for (var p = 0; p < phases.Count && !cancellationToken.IsCancellationRequested; p++)
        {
            var phase = phases[p];
            var total = (long)(phase.Rate * phase.Duration.TotalSeconds);
            var interval = TimeSpan.FromSeconds(1 / phase.Rate);
            var histogram = histograms[p];
            var index = p;
            for (long i = 0; i < total && !cancellationToken.IsCancellationRequested; i++)
            {
                var due = phaseStart + (interval * i);
                var wait = due - clock.Elapsed;
                if (wait > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(wait, cancellationToken);
                }

                counts[index]++;
                if (Interlocked.Read(ref inFlight) >= MaxInFlight)
                {
                    Interlocked.Increment(ref errors[index]);
                    histogram.Record(clock.Elapsed - due + TimeSpan.FromSeconds(10)); // a request we could not even send: worst case
                    continue;
                }

                Interlocked.Increment(ref inFlight);
                var request = sequence++;
                pending.Add(Task.Run(async () =>
                {
                    try
                    {
                        if (!await send(request, cancellationToken))
                        {
                            Interlocked.Increment(ref errors[index]);
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or Amazon.Runtime.AmazonServiceException)
                    {
                        Interlocked.Increment(ref errors[index]);
                    }
                    finally
                    {
                        histogram.Record(clock.Elapsed - due);
                        Interlocked.Decrement(ref inFlight);
                    }
                }, CancellationToken.None));
            }

            phaseStart += phase.Duration;
        }

        await Task.WhenAll(pending);
        var elapsed = clock.Elapsed;
        return phases.Select((phase, p) => new LoadResult(
                phase.Name, phase.Rate, counts[p],
                phases.Count == 1 ? histograms[p].Count / elapsed.TotalSeconds : (counts[p] - errors[p]) / phase.Duration.TotalSeconds,
                errors[p], histograms[p]))
            .ToArray();
    }

    /// <summary>
    /// Two capacity ladders interleaved rate by rate (system, then baseline, at each rate) on the same running system,
    /// so both meet the same state — a database that grows as the run goes on — instead of one going first. Each side
    /// stops at its first step that breaks the target; the other goes on.
    /// </summary>
    public static async Task<(IReadOnlyList<LoadResult> System, IReadOnlyList<LoadResult> Baseline)> FindCapacitiesSideBySideAsync(
        LoadTarget system, LoadTarget baseline, IEnumerable<double> rates, TimeSpan stepDuration, TimeSpan p95Target, CpuMeter? cpu, CancellationToken cancellationToken)
    {
        var systemSteps = new List<LoadResult>();
        var baselineSteps = new List<LoadResult>();
        foreach (var rate in rates)
        {
            var systemGoing = systemSteps.Count == 0 || systemSteps[^1].Sustains(p95Target);
            var baselineGoing = baselineSteps.Count == 0 || baselineSteps[^1].Sustains(p95Target);
            if (!systemGoing && !baselineGoing)
            {
                break;
            }

            if (systemGoing)
            {
                systemSteps.Add(await MeasureStepAsync(system, rate, stepDuration, cpu, cancellationToken));
            }

            if (baselineGoing)
            {
                baselineSteps.Add(await MeasureStepAsync(baseline, rate, stepDuration, cpu, cancellationToken));
            }
        }

        return (systemSteps, baselineSteps);
    }

    /// <summary>Raises the offered rate step by step until the target latency or the error budget breaks; returns every step.</summary>
    public static async Task<IReadOnlyList<LoadResult>> FindCapacityAsync(
        string name, IEnumerable<double> rates, TimeSpan stepDuration, TimeSpan p95Target,
        Func<long, CancellationToken, Task<bool>> send, CpuMeter? cpu, CancellationToken cancellationToken)
    {
        var steps = new List<LoadResult>();
        foreach (var rate in rates)
        {
            var step = await MeasureStepAsync(new LoadTarget(name, send), rate, stepDuration, cpu, cancellationToken);
            steps.Add(step);
            if (!step.Sustains(p95Target))
            {
                break;
            }
        }

        return steps;
    }

    private static async Task<LoadResult> MeasureStepAsync(LoadTarget target, double rate, TimeSpan duration, CpuMeter? cpu, CancellationToken cancellationToken)
    {
        var reading = cpu?.Start();
        var step = await RunAsync(target.Name, rate, duration, target.Send, cancellationToken);
        step = step with { Cpu = reading?.Stop() };
        Console.WriteLine($"  {step}");
        return step;
    }
}

/// <summary>What a ladder loads: a name for the report, and how to send request number <c>n</c>.</summary>
public sealed record LoadTarget(string Name, Func<long, CancellationToken, Task<bool>> Send);

/// <summary>A stretch of time at one offered rate.</summary>
public sealed record LoadPhase(string Name, double Rate, TimeSpan Duration);

/// <summary>One run at one offered rate.</summary>
public sealed record LoadResult(string Name, double OfferedRate, long Requests, double AchievedRate, long Errors, LatencyHistogram Latency)
{
    /// <summary>The CPU each process used during the step, when measured.</summary>
    public CpuUse? Cpu { get; init; }

    public double ErrorRate => Requests == 0 ? 0 : (double)Errors / Requests;

    /// <summary>Kept up with the offered rate, within the latency target, with under 1 % errors.</summary>
    public bool Sustains(TimeSpan p95Target) =>
        AchievedRate >= OfferedRate * 0.95 && Latency.Percentile(95) <= p95Target && ErrorRate < 0.01;

    public override string ToString() =>
        $"{Name,-28} offered {OfferedRate,7:0}/s achieved {AchievedRate,7:0}/s  p50 {Ms(50),7}  p95 {Ms(95),7}  p99 {Ms(99),7}  errors {Errors}";

    public string Ms(double percentile) => $"{Latency.Percentile(percentile).TotalMilliseconds:0.0} ms";
}
