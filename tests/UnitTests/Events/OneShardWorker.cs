using DynamoDbStreams.Leases;
using DynamoDbStreams.Processing;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace UnitTests.Events;

/// <summary>
/// The real <see cref="StreamsWorker"/> reading <see cref="OneShardStream"/>, its lease table in memory and its batches
/// recorded, on the clock a test gives it: what the worker's tests drive it through.
/// </summary>
internal sealed class OneShardWorker : IAsyncDisposable
{
    private static readonly TimeSpan StopPatience = TimeSpan.FromSeconds(10);

    public OneShardWorker(StreamsWorkerOptions options, TimeProvider clock)
    {
        LeaseTable = new LeaseTable(Leases, "events-leases", clock);
        Progress = new ShardProgress(clock);
        Worker = new StreamsWorker(
            Stream, LeaseTable, Processor, [new StreamSource(OneShardStream.Table)], Options.Create(options), Progress, clock, Log);
    }

    public static string LeaseKey { get; } = Lease.KeyOf(OneShardStream.StreamArn, OneShardStream.ShardId);

    public OneShardStream Stream { get; } = new();

    public InMemoryLeaseDynamoDb Leases { get; } = new();

    public LeaseTable LeaseTable { get; }

    public RecordingProcessor Processor { get; } = new();

    public FakeLogger<StreamsWorker> Log { get; } = new();

    public ShardProgress Progress { get; }

    public StreamsWorker Worker { get; }

    public async ValueTask DisposeAsync()
    {
        await Worker.StopAsync(CancellationToken.None).WaitAsync(StopPatience);
        Worker.Dispose();
        Leases.Dispose();
    }
}
