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
        string name, double requestsPerSecond, TimeSpan duration, Func<long, CancellationToken, Task<bool>> send, CancellationToken cancellationToken)
    {
        var histogram = new LatencyHistogram();
        long errors = 0, inFlight = 0, overflow = 0;
        var total = (long)(requestsPerSecond * duration.TotalSeconds);
        var interval = TimeSpan.FromSeconds(1 / requestsPerSecond);
        var pending = new List<Task>((int)Math.Min(total, 1_000_000));
        var clock = Stopwatch.StartNew();

        for (long i = 0; i < total && !cancellationToken.IsCancellationRequested; i++)
        {
            var due = interval * i;
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, cancellationToken);
            }

            if (Interlocked.Read(ref inFlight) >= MaxInFlight)
            {
                Interlocked.Increment(ref overflow);
                histogram.Record(clock.Elapsed - due + TimeSpan.FromSeconds(10)); // a request we could not even send: worst case
                continue;
            }

            Interlocked.Increment(ref inFlight);
            var sequence = i;
            pending.Add(Task.Run(async () =>
            {
                try
                {
                    if (!await send(sequence, cancellationToken))
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or Amazon.Runtime.AmazonServiceException)
                {
                    Interlocked.Increment(ref errors);
                }
                finally
                {
                    histogram.Record(clock.Elapsed - due);
                    Interlocked.Decrement(ref inFlight);
                }
            }, cancellationToken));
        }

        await Task.WhenAll(pending);
        var elapsed = clock.Elapsed;
        return new LoadResult(name, requestsPerSecond, total, histogram.Count / elapsed.TotalSeconds, errors + overflow, histogram);
    }

    /// <summary>Raises the offered rate step by step until the target latency or the error budget breaks; returns every step.</summary>
    public static async Task<IReadOnlyList<LoadResult>> FindCapacityAsync(
        string name, IEnumerable<double> rates, TimeSpan stepDuration, TimeSpan p95Target,
        Func<long, CancellationToken, Task<bool>> send, CancellationToken cancellationToken)
    {
        var steps = new List<LoadResult>();
        foreach (var rate in rates)
        {
            var step = await RunAsync(name, rate, stepDuration, send, cancellationToken);
            steps.Add(step);
            Console.WriteLine($"  {step}");
            if (!step.Sustains(p95Target))
            {
                break;
            }
        }

        return steps;
    }
}

/// <summary>One run at one offered rate.</summary>
public sealed record LoadResult(string Name, double OfferedRate, long Requests, double AchievedRate, long Errors, LatencyHistogram Latency)
{
    public double ErrorRate => Requests == 0 ? 0 : (double)Errors / Requests;

    /// <summary>Kept up with the offered rate, within the latency target, with under 1 % errors.</summary>
    public bool Sustains(TimeSpan p95Target) =>
        AchievedRate >= OfferedRate * 0.95 && Latency.Percentile(95) <= p95Target && ErrorRate < 0.01;

    public override string ToString() =>
        $"{Name,-28} offered {OfferedRate,7:0}/s achieved {AchievedRate,7:0}/s  p50 {Ms(50),7}  p95 {Ms(95),7}  p99 {Ms(99),7}  errors {Errors}";

    public string Ms(double percentile) => $"{Latency.Percentile(percentile).TotalMilliseconds:0.0} ms";
}
