using System.Collections.Concurrent;
using System.Threading.Channels;
using DynamoDbStreams.Client;
using DynamoDbStreams.Processing;

namespace UnitTests.Events;

/// <summary>A processor that takes each batch's scripted outcome, if any (an exception to throw), and reports the batches it handled.</summary>
internal sealed class RecordingProcessor : IShardRecordProcessor
{
    private readonly Channel<string> _delivered = Channel.CreateUnbounded<string>();
    private int _handled;

    public ConcurrentQueue<Exception> Outcomes { get; } = new();

    /// <summary>How many records were handled (published) so far.</summary>
    public int Handled => Volatile.Read(ref _handled);

    public Task ProcessAsync(ShardContext shard, IReadOnlyList<StreamRecord> records, CancellationToken cancellationToken)
    {
        if (Outcomes.TryDequeue(out var failure))
        {
            throw failure;
        }

        foreach (var record in records)
        {
            Interlocked.Increment(ref _handled);
            _delivered.Writer.TryWrite(record.SequenceNumber);
        }

        return Task.CompletedTask;
    }

    public async Task<string> NextDeliveryAsync(TimeSpan patience) => await _delivered.Reader.ReadAsync().AsTask().WaitAsync(patience);
}
