using System.Reflection;
using System.Text.Json;
using DynamoDbStreams.Client;
using DynamoDbStreams.Processing;
using Events.Worker;
using Events.Worker.Audit;
using Events.Worker.Publishing;
using Events.Worker.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace UnitTests.Events;

public sealed class CloudEventsProcessorTests : IDisposable
{
    private const string Payments = "payments";
    private const string StreamArn = "arn:aws:dynamodb:ddblocal:000000000000:table/payments/stream/2026-01-15T10:20:00.000";

    private static readonly ShardContext ShardA = new(Payments, StreamArn, "shardId-a", "worker-1");
    private static readonly ShardContext ShardB = new(Payments, StreamArn, "shardId-b", "worker-1");

    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly RecordingArchive _archive = new();
    private readonly FakeRedis _redis = FakeRedis.Create();
    private readonly WorkerMetrics _metrics;
    private readonly CloudEventsProcessor _processor;

    /// <summary>Never called: these batches are the payments table's, and only removed carts are cascaded.</summary>
    private readonly Amazon.DynamoDBv2.AmazonDynamoDBClient _unreachableDynamoDb = new(
        new Amazon.Runtime.BasicAWSCredentials("local", "local"), new Amazon.DynamoDBv2.AmazonDynamoDBConfig { ServiceURL = "http://127.0.0.1:9" });

    public CloudEventsProcessorTests()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 15, 10, 21, 0, TimeSpan.Zero));
        var options = Options.Create(new EventsOptions());
        _metrics = new WorkerMetrics(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), new ShardProgress(clock), new StreamGroupsSnapshot());
        _processor = new CloudEventsProcessor(
            (IConnectionMultiplexer)_redis,
            _archive,
            new SourceTables(new Dictionary<string, string> { [Payments] = Payments }),
            options,
            new CartCacheSettler(options, _metrics),
            new RemovedCartCascade(_unreachableDynamoDb, _metrics, clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<RemovedCartCascade>.Instance),
            _metrics,
            clock);
    }

    [Fact]
    public async Task A_batch_Redis_refused_is_archived_once_when_it_is_delivered_again()
    {
        IReadOnlyList<StreamRecord> batch = [Captured("99"), Captured("100")];

        _redis.Down = true;
        await Assert.ThrowsAsync<RedisConnectionException>(() => _processor.ProcessAsync(ShardA, batch, CancellationToken.None));
        await Assert.ThrowsAsync<RedisConnectionException>(() => _processor.ProcessAsync(ShardA, batch, CancellationToken.None));
        _redis.Down = false;
        await _processor.ProcessAsync(ShardA, [.. batch, Captured("101")], CancellationToken.None); // read again from the checkpoint, one more record since

        // "99" sorts after "100" as text: the positions are compared as numbers.
        Assert.Equal(["99", "100", "101"], _archive.Lines.Select(line => line.SequenceNumber));
        Assert.Equal(7, _redis.StreamAdds); // the events themselves are published again on each delivery: same ids, at least once
    }

    [Fact]
    public async Task A_shard_s_archived_position_does_not_hide_another_shard_s_lines()
    {
        await _processor.ProcessAsync(ShardA, [Captured("500")], CancellationToken.None);
        await _processor.ProcessAsync(ShardB, [Captured("400")], CancellationToken.None);

        Assert.Equal([("shardId-a", "500"), ("shardId-b", "400")], _archive.Lines.Select(line => (line.ShardId, line.SequenceNumber)));
    }

    public void Dispose()
    {
        _metrics.Dispose();
        _services.Dispose();
        _unreachableDynamoDb.Dispose();
    }

    /// <summary>A payment captured on account a1, as its ledger's AUDIT entry reaches the stream: archived and published.</summary>
    private static StreamRecord Captured(string sequenceNumber) => new(
        $"event-{sequenceNumber}",
        "INSERT",
        sequenceNumber,
        new DateTimeOffset(2026, 1, 15, 10, 20, 0, TimeSpan.Zero),
        Image($$$"""{"PK":{"S":"ACCOUNT#a1"},"SK":{"S":"AUDIT#2026-01-15T10:20:00.000Z#e{{{sequenceNumber}}}"}}"""),
        Image("""{"eventType":{"S":"PAYMENT_CAPTURED"},"amount":{"N":"500"}}"""),
        null);

    private static Dictionary<string, JsonElement> Image(string json) => JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;

    private sealed class RecordingArchive : IAuditArchive
    {
        public List<AuditLine> Lines { get; } = [];

        public Task AppendAsync(string shardId, IReadOnlyList<AuditLine> lines, DateTimeOffset batchTime, CancellationToken cancellationToken)
        {
            Lines.AddRange(lines);
            return Task.CompletedTask;
        }
    }

    /// <summary>
    /// Redis as the processor sees it, a connection and its database in one proxy: <c>XADD</c> fails while
    /// <see cref="Down"/>, as on a dropped connection; any other command is not expected here.
    /// </summary>
    public class FakeRedis : DispatchProxy
    {
        public bool Down { get; set; }

        public int StreamAdds { get; private set; }

        public static FakeRedis Create()
        {
            var redis = (FakeRedis)(object)Create<IConnectionMultiplexer, FakeRedis>();
            redis.Database = Create<IDatabase, FakeRedis>();
            ((FakeRedis)(object)redis.Database).Connection = redis;
            return redis;
        }

        private IDatabase? Database { get; set; }

        private FakeRedis? Connection { get; set; }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name switch
        {
            nameof(IConnectionMultiplexer.GetDatabase) => Database,
            nameof(IDatabase.StreamAddAsync) => Connection!.StreamAdd(),
            var name => throw new NotSupportedException($"The processor was not expected to call {name}."),
        };

        private Task<RedisValue> StreamAdd()
        {
            StreamAdds++;
            return Down
                ? Task.FromException<RedisValue>(new RedisConnectionException(ConnectionFailureType.SocketFailure, CommandFlags.None, "Redis is down (fake).", null, CommandStatus.Unknown))
                : Task.FromResult<RedisValue>($"{StreamAdds}-0");
        }
    }
}
