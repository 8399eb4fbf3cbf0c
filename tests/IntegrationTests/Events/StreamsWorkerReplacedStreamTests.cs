using System.Collections.Concurrent;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DynamoDbStreams.Client;
using DynamoDbStreams.Leases;
using DynamoDbStreams.Processing;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace IntegrationTests.Events;

/// <summary>
/// A table's stream replaced (disabled and enabled again) on the real DynamoDB Local, which keeps the old stream listed
/// and readable as DynamoDB does: two replicas of the real worker finish the old stream before they start the new one,
/// and a stream replaced before the worker group ever read the table is left alone.
/// </summary>
public sealed class StreamsWorkerReplacedStreamTests(DynamoDbLocalFixture dynamodb) : IClassFixture<DynamoDbLocalFixture>, IAsyncLifetime
{
    private const int Items = 4;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly HoldingProcessor _processor = new();
    private WorkerTables _tables = null!;

    public async Task InitializeAsync()
    {
        _tables = await WorkerTables.CreateAsync(dynamodb, "replaced");
    }

    public Task DisposeAsync()
    {
        _processor.Release();
        _tables.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_new_stream_waits_until_the_replaced_one_is_read_to_its_end_so_each_items_changes_keep_their_order()
    {
        var oldStream = await CurrentStreamAsync();
        await using var a = await StartReplicaAsync("worker-a");
        await using var b = await StartReplicaAsync("worker-b");
        await WriteVersionAsync(1);
        await Eventually.ReturnsAsync(() => Task.FromResult(_processor.Delivered), d => d.Count >= Items, Patience);

        // The old stream's next batch is held in processing (a slow publish) while the stream is replaced and written to again.
        // Released before the replicas stop (they wait for the batch), whatever the test comes to.
        await using var release = _processor.Hold(oldStream);
        await WriteVersionAsync(2);
        await _processor.HeldBatch.WaitAsync(Patience);
        await ReplaceStreamAsync();
        var newStream = await CurrentStreamAsync();
        await WriteVersionAsync(3);
        await Task.Delay(TimeSpan.FromSeconds(3)); // many discoveries and balancings of both replicas
        Assert.DoesNotContain(_processor.Delivered, d => d.StreamArn == newStream);

        _processor.Release();
        var delivered = await Eventually.ReturnsAsync(() => Task.FromResult(_processor.Delivered), d => d.Count(x => x.Version == 3) >= Items, Patience);

        Assert.All(Enumerable.Range(0, Items), i => Assert.Equal(
            [$"item-{i} v1", $"item-{i} v2", $"item-{i} v3"],
            delivered.Where(d => d.Key == $"item-{i}").Select(d => $"{d.Key} v{d.Version}")));
        Assert.Equal(delivered.Count, delivered.Select(d => d.EventId).Distinct().Count());
        Assert.All(delivered.Where(d => d.Version < 3), d => Assert.Equal(oldStream, d.StreamArn));
        Assert.All(delivered.Where(d => d.Version == 3), d => Assert.Equal(newStream, d.StreamArn));
        // The replaced stream's leases stay, finished, while it is listed (the sweep deletes them once it is not).
        Assert.All((await _tables.Leases.ListAsync(CancellationToken.None)).Where(l => l.StreamArn == oldStream), l => Assert.True(l.IsFinished, l.ShardId));
        // Each replica logs that it reads the replaced stream, and, at a discovery after its last shard finished, that it is drained.
        foreach (var replica in new[] { a, b })
        {
            Assert.Single(replica.Logged(223), message => message.Contains(oldStream, StringComparison.Ordinal));
            await Eventually.ReturnsAsync(() => Task.FromResult(replica.Logged(224)), logged => logged.Count > 0, Patience);
            Assert.Single(replica.Logged(224), message => message.Contains(oldStream, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_stream_replaced_before_the_worker_group_ever_read_the_table_is_not_read()
    {
        var oldStream = await CurrentStreamAsync();
        await WriteVersionAsync(1);
        await ReplaceStreamAsync();
        await WriteVersionAsync(2);

        await using var a = await StartReplicaAsync("worker-a");
        await Eventually.ReturnsAsync(() => Task.FromResult(_processor.Delivered), d => d.Count >= Items, Patience);
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.All(_processor.Delivered, d => Assert.Equal(2, d.Version));
        Assert.DoesNotContain(await _tables.Leases.ListAsync(CancellationToken.None), l => l.StreamArn == oldStream);
    }

    private async Task<string> CurrentStreamAsync() =>
        (await dynamodb.Client.DescribeTableAsync(_tables.SourceTable)).Table.LatestStreamArn;

    private async Task ReplaceStreamAsync()
    {
        await dynamodb.Client.UpdateTableAsync(new UpdateTableRequest { TableName = _tables.SourceTable, StreamSpecification = new StreamSpecification { StreamEnabled = false } });
        await dynamodb.Client.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = _tables.SourceTable,
            StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_AND_OLD_IMAGES },
        });
    }

    private async Task WriteVersionAsync(int version)
    {
        for (var i = 0; i < Items; i++)
        {
            await dynamodb.Client.PutItemAsync(_tables.SourceTable, new()
            {
                ["PK"] = new AttributeValue { S = $"item-{i}" },
                ["version"] = new AttributeValue { N = version.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            });
        }
    }

    private async Task<RunningReplica> StartReplicaAsync(string workerId)
    {
        var options = new StreamsWorkerOptions
        {
            WorkerId = workerId,
            LeaseDuration = TimeSpan.FromSeconds(2),
            SafetyMargin = TimeSpan.FromMilliseconds(500),
            RenewInterval = TimeSpan.FromMilliseconds(100),
            DiscoveryInterval = TimeSpan.FromMilliseconds(200),
            IdlePollInterval = TimeSpan.FromMilliseconds(100),
        };
        var log = new FakeLogger<StreamsWorker>();
        var worker = new StreamsWorker(_tables.Streams, _tables.Leases, _processor, [new StreamSource(_tables.SourceTable)], Options.Create(options),
            new ShardProgress(TimeProvider.System), TimeProvider.System, log);
        await worker.StartAsync(CancellationToken.None);
        return new RunningReplica(worker, log);
    }

    /// <summary>A worker replica in this process and what it logged.</summary>
    private sealed class RunningReplica(StreamsWorker worker, FakeLogger<StreamsWorker> log) : IAsyncDisposable
    {
        public IReadOnlyList<string> Logged(int eventId) => [.. log.Collector.GetSnapshot().Where(e => e.Id.Id == eventId).Select(e => e.Message)];

        public async ValueTask DisposeAsync()
        {
            await worker.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
            worker.Dispose();
        }
    }

    /// <summary>One processed record: the item, its version, the stream it came from.</summary>
    private sealed record Delivery(string Key, int Version, string StreamArn, string EventId);

    /// <summary>Records what it processes, in order; while told to, holds the batches of one stream until released.</summary>
    private sealed class HoldingProcessor : IShardRecordProcessor
    {
        private readonly ConcurrentQueue<Delivery> _delivered = new();
        private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private string? _holding;

        public IReadOnlyList<Delivery> Delivered => [.. _delivered];

        /// <summary>Completes once a batch is being held.</summary>
        public Task HeldBatch => _held.Task;

        /// <summary>Holds the stream's batches from now on; disposing the answer releases them.</summary>
        public IAsyncDisposable Hold(string streamArn)
        {
            Volatile.Write(ref _holding, streamArn);
            return new Releasing(this);
        }

        public void Release() => _released.TrySetResult();

        private sealed class Releasing(HoldingProcessor processor) : IAsyncDisposable
        {
            public ValueTask DisposeAsync()
            {
                processor.Release();
                return ValueTask.CompletedTask;
            }
        }

        public async Task ProcessAsync(ShardContext shard, IReadOnlyList<StreamRecord> records, CancellationToken cancellationToken)
        {
            if (shard.StreamArn == Volatile.Read(ref _holding))
            {
                _held.TrySetResult();
                await _released.Task;
            }

            foreach (var record in records)
            {
                var version = int.Parse(record.NewImage!["version"].GetProperty("N").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                _delivered.Enqueue(new Delivery(record.Keys["PK"].GetProperty("S").GetString()!, version, shard.StreamArn, record.EventId));
            }
        }
    }
}
