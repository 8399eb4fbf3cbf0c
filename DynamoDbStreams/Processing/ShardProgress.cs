using System.Collections.Concurrent;

namespace DynamoDbStreams.Processing;

/// <summary>What the worker knows about its progress: lag per held shard and when the Streams API last answered.</summary>
public sealed class ShardProgress(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, double> _lagSeconds = new(StringComparer.Ordinal);
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

    public void Forget(string shardId) => _lagSeconds.TryRemove(shardId, out _);
}
