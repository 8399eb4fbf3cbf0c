using System.Collections.Concurrent;
using System.Text.Json;
using DynamoDbStreams.Client;

namespace UnitTests.Events;

/// <summary>
/// The stream of table <see cref="Table"/>: one open shard holding one record, sequence number <c>1</c>. Each call to an
/// operation first takes that operation's next scripted outcome, if any: an exception to throw, or null to answer.
/// </summary>
internal sealed class OneShardStream : IDynamoDbStreamsClient
{
    public const string Table = "carts";
    public const string StreamArn = "arn:aws:dynamodb:ddblocal:000000000000:table/carts/stream/2026-01-15T10:20:00.000";
    public const string ShardId = "shardId-1";

    private const string FromStart = "iterator-from-start";
    private const string AfterRecord = "iterator-after-1";

    private Func<Task>? _duringNextRead;

    public ConcurrentQueue<Exception?> IteratorOutcomes { get; } = new();

    public ConcurrentQueue<Exception?> RecordsOutcomes { get; } = new();

    /// <summary>What happens while the next <c>GetRecords</c> call is under way (a slow answer, a pause), before it answers; once.</summary>
    public Func<Task>? DuringNextRead
    {
        get => Volatile.Read(ref _duringNextRead);
        set => Volatile.Write(ref _duringNextRead, value);
    }

    public Task<IReadOnlyList<StreamSummary>> ListStreamsAsync(string tableName, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StreamSummary>>([new StreamSummary(StreamArn, Table, "2026-01-15T10:20:00.000")]);

    public Task<IReadOnlyList<ShardDescription>> DescribeStreamAsync(string streamArn, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ShardDescription>>([new ShardDescription(ShardId, null, "1", null)]);

    public Task<string> GetShardIteratorAsync(string streamArn, string shardId, ShardIteratorType type, string? sequenceNumber, CancellationToken cancellationToken)
    {
        Scripted(IteratorOutcomes);
        return Task.FromResult(type == ShardIteratorType.TRIM_HORIZON ? FromStart : AfterRecord);
    }

    public async Task<RecordsPage> GetRecordsAsync(string shardIterator, int limit, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _duringNextRead, null) is { } meanwhile)
        {
            await meanwhile();
        }

        Scripted(RecordsOutcomes);
        IReadOnlyList<StreamRecord> records = shardIterator == FromStart
            ? [new StreamRecord("event-1", "INSERT", "1", DateTimeOffset.UnixEpoch, new Dictionary<string, JsonElement>(), null, null)]
            : [];
        return new RecordsPage(records, AfterRecord);
    }

    private static void Scripted(ConcurrentQueue<Exception?> outcomes)
    {
        if (outcomes.TryDequeue(out var failure) && failure is not null)
        {
            throw failure;
        }
    }
}
