namespace Bench.Resilience.Faults;

/// <summary>redis-server frozen with SIGSTOP (connections stay open, nothing answers), then thawed with SIGCONT.</summary>
internal sealed class RedisStall : IFault
{
    private int _pid;
    private long _stoppedAt;

    public string Name => "Redis stall";

    public string Description => "`SIGSTOP` to redis-server, `SIGCONT` at the end of the window";

    public Task InjectAsync(FaultContext context, CancellationToken cancellationToken)
    {
        _pid = context.Platform.ProcessId("redis") ?? throw new InvalidOperationException("redis-server is not running.");
        _stoppedAt = Stopwatch.GetTimestamp();
        return ProcessSignals.Send(_pid, ProcessSignals.SIGSTOP) ? Task.CompletedTask : throw new InvalidOperationException($"Could not stop redis-server ({_pid}).");
    }

    public Task<FaultOutcome> ClearAsync(FaultContext context, CancellationToken cancellationToken) =>
        Task.FromResult(ProcessSignals.Send(_pid, ProcessSignals.SIGCONT)
            ? new FaultOutcome($"redis-server {_pid} stopped for {Stopwatch.GetElapsedTime(_stoppedAt).TotalSeconds:0.0} s")
            : throw new InvalidOperationException($"Could not resume redis-server ({_pid})."));
}
