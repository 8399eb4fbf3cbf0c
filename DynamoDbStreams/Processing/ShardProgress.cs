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

    private readonly ConcurrentDictionary<string, double> _lagSeconds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _consumerTurnedTicks = new(StringComparer.Ordinal);
    private long _loopTurnedTicks = time.GetUtcNow().UtcTicks;
    private long _lastSuccessTicks;
    private string? _lastError;

    /// <summary>Seconds between a record's creation and its reading, per shard this worker holds.</summary>
    public IReadOnlyDictionary<string, double> LagSeconds => _lagSeconds;

    public DateTimeOffset? LastStreamsSuccess => Interlocked.Read(ref _lastSuccessTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public string? LastError => Volatile.Read(ref _lastError);

    public void StreamsAnswered()
    {
        Interlocked.Exchange(ref _lastSuccessTicks, time.GetUtcNow().UtcTicks);
        Volatile.Write(ref _lastError, null);
    }

    public void StreamsFailed(Exception exception) => Volatile.Write(ref _lastError, exception.Message);

    public void ReportLag(string shardId, double seconds) => _lagSeconds[shardId] = Math.Max(0, seconds);

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
        _lagSeconds.TryRemove(shardId, out _);
        _consumerTurnedTicks.TryRemove(shardId, out _);
    }
}
