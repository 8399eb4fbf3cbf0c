namespace DynamoDbStreams.Processing;

/// <summary>
/// Reads one shard from its checkpoint while the lease is valid: process a batch, then checkpoint it (conditional
/// on still holding the lease). A failed batch is read again from the checkpoint; at the shard's end it
/// checkpoints <c>SHARD_END</c>, which lets the children start.
/// </summary>
internal sealed class ShardConsumer(
    HeldLease held,
    IDynamoDbStreamsClient streams,
    LeaseTable leases,
    IShardRecordProcessor processor,
    StreamsWorkerOptions options,
    ShardProgress progress,
    TimeProvider time,
    ILogger logger)
{
    private static readonly TimeSpan FailureDelay = TimeSpan.FromMilliseconds(500);

    public async Task RunAsync(string workerId)
    {
        var stop = held.Stop.Token;
        var lease = held.Lease;
        var context = new ShardContext(held.TableName, lease.StreamArn, lease.ShardId, workerId);
        string? iterator = null;
        while (!stop.IsCancellationRequested)
        {
            if (!IsValid())
            {
                StreamsLog.LeaseLapsed(logger, lease.ShardId);
                return;
            }

            try
            {
                iterator ??= await IteratorAsync(held.Lease.Checkpoint, stop);
                var page = await streams.GetRecordsAsync(iterator, options.BatchSize, stop);
                progress.StreamsAnswered();
                if (page.Records.Count > 0)
                {
                    // The batch is finished even if a stop is requested meanwhile: a handoff then loses nothing.
                    await processor.ProcessAsync(context, page.Records, CancellationToken.None);
                    if (!IsValid())
                    {
                        StreamsLog.LeaseLapsed(logger, lease.ShardId);
                        return;
                    }

                    await CheckpointAsync(page.Records[^1].SequenceNumber);
                    progress.ReportLag(lease.ShardId, (time.GetUtcNow() - page.Records[^1].ApproximateCreationTime).TotalSeconds);
                }
                else
                {
                    progress.ReportLag(lease.ShardId, 0);
                }

                if (page.NextShardIterator is null)
                {
                    await CheckpointAsync(Checkpoints.ShardEnd);
                    StreamsLog.ShardFinished(logger, lease.ShardId, held.TableName);
                    return;
                }

                iterator = page.NextShardIterator;
                if (page.Records.Count == 0)
                {
                    await Task.Delay(options.IdlePollInterval, time, stop);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (LeaseLostException)
            {
                held.Lost = true;
                StreamsLog.LeaseLost(logger, workerId, lease.ShardId);
                return;
            }
            catch (ExpiredIteratorException)
            {
                StreamsLog.IteratorExpired(logger, lease.ShardId, held.Lease.Checkpoint);
                iterator = null;
            }
            catch (TrimmedDataAccessException exception)
            {
                if (held.Lease.Checkpoint == Checkpoints.TrimHorizon)
                {
                    // Reading from the oldest record there is: the horizon moved on, no record was skipped.
                    StreamsLog.TrimHorizonMoved(logger, lease.ShardId);
                }
                else
                {
                    StreamsLog.Trimmed(logger, lease.ShardId, held.Lease.Checkpoint, exception);
                }

                iterator = await IteratorAsync(Checkpoints.TrimHorizon, stop);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                if (exception is StreamsServiceException or HttpRequestException)
                {
                    progress.StreamsFailed(exception);
                }

                StreamsLog.BatchFailed(logger, lease.ShardId, held.Lease.Checkpoint, exception);
                iterator = null;
                try
                {
                    await Task.Delay(FailureDelay, time, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private bool IsValid() => !held.Lost && LeasePlanner.IsHolderValid(held.LastWriteStartedAt, time.GetUtcNow(), options.LeaseDuration, options.SafetyMargin);

    private Task<string> IteratorAsync(string checkpoint, CancellationToken cancellationToken) => checkpoint switch
    {
        Checkpoints.TrimHorizon => streams.GetShardIteratorAsync(held.Lease.StreamArn, held.Lease.ShardId, ShardIteratorType.TRIM_HORIZON, null, cancellationToken),
        _ => streams.GetShardIteratorAsync(held.Lease.StreamArn, held.Lease.ShardId, ShardIteratorType.AFTER_SEQUENCE_NUMBER, checkpoint, cancellationToken),
    };

    private async Task CheckpointAsync(string checkpoint)
    {
        await held.Gate.WaitAsync();
        try
        {
            var started = time.GetUtcNow();
            held.Lease = await leases.CheckpointAsync(held.Lease, checkpoint, CancellationToken.None);
            held.LastWriteStartedAt = started;
        }
        finally
        {
            held.Gate.Release();
        }
    }
}
