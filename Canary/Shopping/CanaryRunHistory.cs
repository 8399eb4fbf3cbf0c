namespace Canary.Shopping;

/// <summary>The last run and how many runs in a row have failed, for the health check.</summary>
internal sealed class CanaryRunHistory
{
    private readonly Lock _gate = new();
    private CanaryStatus _current = new(null, null, 0);

    public CanaryStatus Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>Records <paramref name="run"/>, finished at <paramref name="at"/>; returns the failures in a row so far.</summary>
    public int Record(CanaryRun run, DateTimeOffset at)
    {
        lock (_gate)
        {
            _current = new CanaryStatus(run, at, run.Succeeded ? 0 : _current.ConsecutiveFailures + 1);
            return _current.ConsecutiveFailures;
        }
    }
}

/// <summary>The last run (null before the first), when it finished, and the failed runs in a row up to it.</summary>
internal sealed record CanaryStatus(CanaryRun? Last, DateTimeOffset? At, int ConsecutiveFailures);
