using System.Collections.Concurrent;
using System.Text.Json;
using DynamoDbStreams.Client;

namespace UnitTests.Events;

/// <summary>
/// The stream of table <see cref="Table"/>: one open shard holding one record, sequence number <c>1</c>. Each call to an
/// operation first takes that operation's next scripted outcome, if any: an exception to throw, or null to answer.
/// As the Streams API does, it answers <see cref="StreamResourceNotFoundException"/> for a stream or shard it does not have:
/// any shard but <see cref="ShardId"/>, and the table's first stream once <see cref="RecreateTable"/> replaced it.
/// </summary>
internal sealed class OneShardStream : IDynamoDbStreamsClient
{
    public const string Table = "carts";
    public const string StreamArn = "arn:aws:dynamodb:ddblocal:000000000000:table/carts/stream/2026-01-15T10:20:00.000";
    public const string RecreatedStreamArn = "arn:aws:dynamodb:ddblocal:000000000000:table/carts/stream/2026-01-16T08:00:00.000";
    public const string ShardId = "shardId-1";

    private const string FromStart = "|from-start";
    private const string AfterRecord = "|after-1";

    private Func<Task>? _duringNextRead;
    private Func<Task>? _duringNextListing;
    private string _currentStreamArn = StreamArn;

    public ConcurrentQueue<Exception?> IteratorOutcomes { get; } = new();

    public ConcurrentQueue<Exception?> RecordsOutcomes { get; } = new();

    /// <summary>The shard <see cref="ShardId"/> was split from, if any (a shard the stream no longer has, say).</summary>
    public string? ParentShardId { get; set; }

    /// <summary>When the shard's one record was written (its <c>ApproximateCreationDateTime</c>).</summary>
    public DateTimeOffset RecordCreatedAt { get; set; } = DateTimeOffset.UnixEpoch;

    /// <summary>What every <c>ListStreams</c> call throws while set (the Streams API away), instead of answering.</summary>
    public Exception? ListingFailure { get; set; }

    /// <summary>ListStreams still lists the stream, but DescribeStream answers that it does not exist (a listing that lags a deletion).</summary>
    public bool ListedButMissing { get; set; }

    /// <summary>What happens while the next <c>GetRecords</c> call is under way (a slow answer, a pause), before it answers; once.</summary>
    public Func<Task>? DuringNextRead
    {
        get => Volatile.Read(ref _duringNextRead);
        set => Volatile.Write(ref _duringNextRead, value);
    }

    /// <summary>What happens while the next <c>ListStreams</c> call is under way, before it answers; once.</summary>
    public Func<Task>? DuringNextListing
    {
        get => Volatile.Read(ref _duringNextListing);
        set => Volatile.Write(ref _duringNextListing, value);
    }

    /// <summary>
    /// The table is deleted and created again, its first stream past its retention: that stream no longer exists, and a new
    /// one (<see cref="RecreatedStreamArn"/>) has the same shard and record.
    /// </summary>
    public void RecreateTable() => Volatile.Write(ref _currentStreamArn, RecreatedStreamArn);

    public async Task<IReadOnlyList<StreamSummary>> ListStreamsAsync(string tableName, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _duringNextListing, null) is { } meanwhile)
        {
            await meanwhile();
        }

        if (ListingFailure is { } failure)
        {
            throw failure;
        }

        var current = Volatile.Read(ref _currentStreamArn);
        return [new StreamSummary(current, Table, current[(current.LastIndexOf('/') + 1)..])];
    }

    public Task<IReadOnlyList<ShardDescription>> DescribeStreamAsync(string streamArn, CancellationToken cancellationToken)
    {
        EnsureExists(streamArn, ShardId);
        if (ListedButMissing)
        {
            throw new StreamResourceNotFoundException($"Requested resource not found: Stream: {streamArn} not found", 400);
        }

        return Task.FromResult<IReadOnlyList<ShardDescription>>([new ShardDescription(ShardId, ParentShardId, "1", null)]);
    }

    public Task<string> GetShardIteratorAsync(string streamArn, string shardId, ShardIteratorType type, string? sequenceNumber, CancellationToken cancellationToken)
    {
        Scripted(IteratorOutcomes);
        EnsureExists(streamArn, shardId);
        return Task.FromResult(streamArn + (type == ShardIteratorType.TRIM_HORIZON ? FromStart : AfterRecord));
    }

    public async Task<RecordsPage> GetRecordsAsync(string shardIterator, int limit, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _duringNextRead, null) is { } meanwhile)
        {
            await meanwhile();
        }

        Scripted(RecordsOutcomes);
        var streamArn = shardIterator[..shardIterator.IndexOf('|', StringComparison.Ordinal)];
        EnsureExists(streamArn, ShardId);
        IReadOnlyList<StreamRecord> records = shardIterator.EndsWith(FromStart, StringComparison.Ordinal)
            ? [new StreamRecord("event-1", "INSERT", "1", RecordCreatedAt, new Dictionary<string, JsonElement>(), null, null)]
            : [];
        return new RecordsPage(records, streamArn + AfterRecord);
    }

    private void EnsureExists(string streamArn, string shardId)
    {
        if (streamArn != Volatile.Read(ref _currentStreamArn))
        {
            throw new StreamResourceNotFoundException($"Requested resource not found: Stream: {streamArn} not found", 400);
        }

        if (shardId != ShardId)
        {
            throw new StreamResourceNotFoundException($"Requested resource not found: Shard: {shardId} in Stream: {streamArn} not found", 400);
        }
    }

    private static void Scripted(ConcurrentQueue<Exception?> outcomes)
    {
        if (outcomes.TryDequeue(out var failure) && failure is not null)
        {
            throw failure;
        }
    }
}
