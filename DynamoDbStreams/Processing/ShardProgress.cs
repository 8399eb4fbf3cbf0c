using System.Collections.Concurrent;

namespace DynamoDbStreams.Processing;

/// <summary>
/// What the worker knows about its progress: lag per held shard, when the Streams API last answered, and when its loop
/// and each shard's consumer last turned (<see cref="Stillest"/>).
/// </summary>
public sealed class ShardProgress(TimeProvider time)
{
    /// <summary>How <see cref="Stillest"/> names the worker's own loop.</summary>
    public const string WorkerLoop = "The worker's loop";

    private readonly ConcurrentDictionary<string, ShardLag> _lag = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _consumerTurnedTicks = new(StringComparer.Ordinal);
    private long _loopTurnedTicks = time.GetUtcNow().UtcTicks;
    private long _lastSuccessTicks;
    private string? _lastError;

    /// <summary>
    /// How far behind each held shard is, in seconds: while a batch read waits to be processed (or its processing keeps
    /// failing), the age of its oldest record, now; otherwise the age its last record had when processed (0 when caught up).
    /// A shard that cannot get past a batch is thus seen falling behind, not frozen at the lag of its last success.
    /// </summary>
    public IReadOnlyDictionary<string, double> LagSeconds
    {
        get
        {
            var now = time.GetUtcNow();
            return _lag.ToDictionary(shard => shard.Key, shard => shard.Value.SecondsAt(now), StringComparer.Ordinal);
        }
    }

    public DateTimeOffset? LastStreamsSuccess => Interlocked.Read(ref _lastSuccessTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public string? LastError => Volatile.Read(ref _lastError);

    public void StreamsAnswered()
    {
        Interlocked.Exchange(ref _lastSuccessTicks, time.GetUtcNow().UtcTicks);
        Volatile.Write(ref _lastError, null);
    }

    public void StreamsFailed(Exception exception) => Volatile.Write(ref _lastError, exception.Message);

    /// <summary>A batch whose oldest record was created at <paramref name="oldestCreated"/> was read and is not yet processed.</summary>
    public void BatchRead(string shardId, DateTimeOffset oldestCreated) =>
        _lag.AddOrUpdate(shardId, static (_, created) => new ShardLag(0, created), static (_, lag, created) => lag.WaitingSince is null ? lag with { WaitingSince = created } : lag, oldestCreated);

    /// <summary>The shard's records read so far are processed, the last of them <paramref name="seconds"/> after its creation (0: none was waiting).</summary>
    public void ReportLag(string shardId, double seconds) => _lag[shardId] = new ShardLag(Math.Max(0, seconds), null);

    /// <summary>The worker's loop ended a cycle, whatever the cycle came to.</summary>
    public void LoopTurned() => Interlocked.Exchange(ref _loopTurnedTicks, time.GetUtcNow().UtcTicks);

    /// <summary>A shard's consumer begins a step: a read, or the read again after a failed batch.</summary>
    public void ConsumerTurned(string shardId) => _consumerTurnedTicks[shardId] = time.GetUtcNow().UtcTicks;

    /// <summary>The part of the worker that has gone longest without turning (its loop or a held shard's consumer), and since when.</summary>
    public (string Part, DateTimeOffset Since) Stillest()
    {
        var (part, ticks) = (WorkerLoop, Interlocked.Read(ref _loopTurnedTicks));
        foreach (var (shardId, consumerTicks) in _consumerTurnedTicks)
        {
            if (consumerTicks < ticks)
            {
                (part, ticks) = ($"The consumer of shard {shardId}", consumerTicks);
            }
        }

        return (part, new DateTimeOffset(ticks, TimeSpan.Zero));
    }

    public void Forget(string shardId)
    {
        _lag.TryRemove(shardId, out _);
        _consumerTurnedTicks.TryRemove(shardId, out _);
    }

    /// <summary>The lag of the last processed batch, and the creation time of the oldest record read since and not yet processed.</summary>
    private readonly record struct ShardLag(double Seconds, DateTimeOffset? WaitingSince)
    {
        public double SecondsAt(DateTimeOffset now) =>
            WaitingSince is { } since ? Math.Max(0, (now - since).TotalSeconds) : Seconds;
    }
}
