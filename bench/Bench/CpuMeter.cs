using System.Globalization;
using System.Text;

namespace Bench;

/// <summary>
/// Where the CPU went during a load step: each process's user + system time (from /proc, through
/// <see cref="Process.TotalProcessorTime"/>) read before and after, per request. On a 2-core machine shared by the
/// load generator, the services and DynamoDB Local, this is what decides the ceiling.
/// </summary>
public sealed class CpuMeter(IReadOnlyList<(string Name, int ProcessId)> processes)
{
    /// <summary>
    /// Every process of <paramref name="app"/> by resource name (DCP's own processes together as <c>dcp</c>), and the
    /// bench itself (the load generator, which also hosts the AppHost's model).
    /// </summary>
    internal static CpuMeter For(DistributedApplication app)
    {
        var resources = app.ResourceProcesses().ToDictionary(p => p.ProcessId, p => p.Name);
        return new([
            .. ProcessTree.OfAppHost(Environment.ProcessId)
                .Where(process => process.Id != Environment.ProcessId)
                .Select(process => (resources.GetValueOrDefault(process.Id, process.Program), process.Id)),
            ("bench (load generator)", Environment.ProcessId),
        ]);
    }

    public CpuReading Start() => new(this, Sample(), Stopwatch.GetTimestamp());

    public IReadOnlyDictionary<string, TimeSpan> Sample()
    {
        var sample = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var (name, processId) in processes)
        {
            try
            {
                using var process = Process.GetProcessById(processId);
                sample[name] = sample.GetValueOrDefault(name) + process.TotalProcessorTime; // DCP runs several processes
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // exited: it used nothing more
            }
        }

        return sample;
    }

    /// <summary>A reading in progress; <see cref="Stop"/> gives the CPU each process used since <see cref="Start"/>.</summary>
    public sealed class CpuReading(CpuMeter meter, IReadOnlyDictionary<string, TimeSpan> before, long startedAt)
    {
        public CpuUse Stop()
        {
            var after = meter.Sample();
            var used = after
                .Where(entry => before.ContainsKey(entry.Key))
                .ToDictionary(entry => entry.Key, entry => entry.Value - before[entry.Key], StringComparer.Ordinal);
            return new CpuUse(used, Stopwatch.GetElapsedTime(startedAt));
        }
    }
}

/// <summary>CPU time per process over a wall-clock interval.</summary>
public sealed record CpuUse(IReadOnlyDictionary<string, TimeSpan> ByProcess, TimeSpan Wall)
{
    public TimeSpan Total => ByProcess.Values.Aggregate(TimeSpan.Zero, (sum, used) => sum + used);

    /// <summary>A Markdown table: CPU milliseconds per completed request and cores busy, by process, busiest first.</summary>
    public string Table(long requests)
    {
        var text = new StringBuilder()
            .AppendLine("| process | CPU per request | cores busy |")
            .AppendLine("| --- | ---: | ---: |");
        foreach (var (name, used) in ByProcess.Where(e => e.Value > TimeSpan.Zero).OrderByDescending(e => e.Value))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {PerRequest(used, requests)} | {used / Wall:0.00} |");
        }

        text.Append(CultureInfo.InvariantCulture, $"| **all** | **{PerRequest(Total, requests)}** | **{Total / Wall:0.00}** |");
        return text.ToString();
    }

    /// <summary>One line for the console: all processes, then each busy one, in milliseconds per request, busiest first.</summary>
    public string Summary(long requests) => requests == 0 ? "-" : string.Join(", ",
        ByProcess.Where(e => e.Value.TotalMilliseconds / requests >= 0.005).OrderByDescending(e => e.Value)
            .Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Key} {e.Value.TotalMilliseconds / requests:0.00}"))
            .Prepend(string.Create(CultureInfo.InvariantCulture, $"all {Total.TotalMilliseconds / requests:0.00} ms")));

    /// <summary>The CPU <paramref name="process"/> used per request of <paramref name="requests"/>, as the table counts it; null when not measured.</summary>
    public TimeSpan? PerRequest(string process, long requests) =>
        ByProcess.GetValueOrDefault(process) is var used && used > TimeSpan.Zero && requests > 0 ? used / requests : null;

    private static string PerRequest(TimeSpan used, long requests) =>
        requests == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{used.TotalMilliseconds / requests:0.00} ms");
}
