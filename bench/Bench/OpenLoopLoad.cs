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
    /// stops at its first rate that breaks the target twice (<see cref="ClimbAsync"/>); the other goes on.
    /// </summary>
    public static async Task<(IReadOnlyList<LoadResult> System, IReadOnlyList<LoadResult> Baseline)> FindCapacitiesSideBySideAsync(
        LoadTarget system, LoadTarget baseline, IEnumerable<double> rates, TimeSpan stepDuration, TimeSpan p95Target, CpuMeter? cpu, CancellationToken cancellationToken)
    {
        var systemSteps = new List<LoadResult>();
        var baselineSteps = new List<LoadResult>();
        var systemGoing = true;
        var baselineGoing = true;
        foreach (var rate in rates)
        {
            if (!systemGoing && !baselineGoing)
            {
                break;
            }

            if (systemGoing)
            {
                systemGoing = await ClimbAsync(systemSteps, rate, r => MeasureStepAsync(system, r, stepDuration, cpu, cancellationToken), p95Target);
            }

            if (baselineGoing)
            {
                baselineGoing = await ClimbAsync(baselineSteps, rate, r => MeasureStepAsync(baseline, r, stepDuration, cpu, cancellationToken), p95Target);
            }
        }

        return (systemSteps, baselineSteps);
    }

    /// <summary>Raises the offered rate step by step until a rate breaks the target latency or the error budget twice; returns every step.</summary>
    public static async Task<IReadOnlyList<LoadResult>> FindCapacityAsync(
        string name, IEnumerable<double> rates, TimeSpan stepDuration, TimeSpan p95Target,
        Func<long, CancellationToken, Task<bool>> send, CpuMeter? cpu, CancellationToken cancellationToken)
    {
        var steps = new List<LoadResult>();
        foreach (var rate in rates)
        {
            if (!await ClimbAsync(steps, rate, r => MeasureStepAsync(new LoadTarget(name, send), r, stepDuration, cpu, cancellationToken), p95Target))
            {
                break;
            }
        }

        return steps;
    }

    /// <summary>
    /// One rung of a ladder: a step that breaks the target is run once more straight away, and the rate counts as
    /// sustained when either attempt sustains it. On a shared 2-core machine one stall (a GC pause in DynamoDB Local, a
    /// burst of tier-1 JIT) can break a step far below the capacity and used to end that side's ladder there; every
    /// side gets the same second attempt, and both attempts stay in the report.
    /// </summary>
    public static async Task<bool> ClimbAsync(List<LoadResult> steps, double rate, Func<double, Task<LoadResult>> measure, TimeSpan p95Target)
    {
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var step = await measure(rate);
            steps.Add(step);
            if (step.Sustains(p95Target))
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<LoadResult> MeasureStepAsync(LoadTarget target, double rate, TimeSpan duration, CpuMeter? cpu, CancellationToken cancellationToken)
    {
        var reading = cpu?.Start();
        var step = await RunAsync(target.Name, rate, duration, target.Send, cancellationToken);
        step = step with { Cpu = reading?.Stop() };
        Console.WriteLine($"  {step}");
        if (step.Cpu is { } used)
        {
            Console.WriteLine($"    CPU per request: {used.Summary(step.Requests)}");
        }

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
