namespace Bench;

/// <summary>Every resource's resident memory (RSS, from /proc), sampled while a run goes on.</summary>
internal sealed class MemorySampler(DistributedApplication app)
{
    private readonly List<MemorySample> _samples = [];
    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public IReadOnlyList<MemorySample> Samples
    {
        get
        {
            lock (_gate)
            {
                return [.. _samples];
            }
        }
    }

    /// <summary>Samples every resource that has a process now (a restarted one under its new process id).</summary>
    public MemorySample Take()
    {
        var sample = new MemorySample(_clock.Elapsed, app.ResourceProcesses().ToDictionary(p => p.Name, p => new SystemProcess(p.ProcessId, 0, "").ResidentBytes()));
        lock (_gate)
        {
            _samples.Add(sample);
        }

        return sample;
    }

    /// <summary>Takes a sample every <paramref name="every"/> until <paramref name="cancellationToken"/> ends it.</summary>
    public async Task RunAsync(TimeSpan every, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(every);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                Take();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // the run is over
        }
    }
}

/// <summary>Resident bytes by resource name at one moment of the run.</summary>
internal sealed record MemorySample(TimeSpan At, IReadOnlyDictionary<string, long> ResidentBytes);
