namespace DynamoDbStreams.Processing;

/// <summary>
/// Reads one shard from its checkpoint while the lease is valid: a batch read is processed only if the lease is still
/// valid once it has arrived, and checkpointed only if it still is once processed (the write itself conditional on
/// still holding the lease). A failed batch is read again from the checkpoint; at the shard's end it
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
        var context = new ShardContext(held.TableName, held.Lease.StreamArn, held.Lease.ShardId, workerId);
        var step = Step.ReadFrom(null);
        while (!step.Done && !stop.IsCancellationRequested)
        {
            progress.ConsumerTurned(held.Lease.ShardId);
            if (!StillHolds())
            {
                return;
            }

            try
            {
                step = await ReadBatchAsync(context, step, stop);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || stop.IsCancellationRequested)
            {
                step = await RecoverAsync(exception, workerId, stop);
            }
        }
    }

    /// <summary>
    /// One batch from the step's iterator (or from a new one at the step's position, by default the checkpoint): processed,
    /// then checkpointed while the lease is still valid; at the shard's end <c>SHARD_END</c> is checkpointed and reading stops.
    /// </summary>
    private async Task<Step> ReadBatchAsync(ShardContext context, Step step, CancellationToken stop)
    {
        // Taking the iterator is part of the batch: if it fails, the batch fails and is recovered like any other.
        var iterator = step.Iterator ?? await IteratorAsync(step.Position ?? held.Lease.Checkpoint, stop);
        var page = await streams.GetRecordsAsync(iterator, options.BatchSize, stop);
        progress.StreamsAnswered();
        if (page.Records.Count > 0)
        {
            // The read can outlast the lease (a GetRecords retried or slow, a GC pause): another worker may hold the shard
            // by now, and publishing the batch as well would deliver it twice and out of order. Its owner reads it from the checkpoint.
            if (!StillHolds())
            {
                return Step.Finished;
            }

            // Until it is checkpointed, the batch's first record is how far behind the shard is, however often it fails.
            progress.BatchRead(held.Lease.ShardId, page.Records[0].ApproximateCreationTime);

            // The batch is finished even if a stop is requested meanwhile: a handoff then loses nothing.
            await processor.ProcessAsync(context, page.Records, CancellationToken.None);
            if (!StillHolds())
            {
                return Step.Finished;
            }

            await CheckpointAsync(page.Records[^1].SequenceNumber);
            progress.ReportLag(held.Lease.ShardId, (time.GetUtcNow() - page.Records[^1].ApproximateCreationTime).TotalSeconds);
        }
        else
        {
            progress.ReportLag(held.Lease.ShardId, 0);
        }

        if (page.NextShardIterator is null)
        {
            await CheckpointAsync(Checkpoints.ShardEnd);
            StreamsLog.ShardFinished(logger, held.Lease.ShardId, held.TableName);
            return Step.Finished;
        }

        if (page.Records.Count == 0)
        {
            await Task.Delay(options.IdlePollInterval, time, stop);
        }

        return Step.ReadFrom(page.NextShardIterator);
    }

    /// <summary>
    /// Where reading goes on after a failed batch: nowhere when stopping or when the lease is lost; from the checkpoint
    /// after an expired iterator or (after a pause) any other failure; from the oldest record when the checkpoint was trimmed;
    /// nowhere when the shard or its stream no longer exists (<see cref="ShardNotFoundAsync"/>).
    /// </summary>
    private async Task<Step> RecoverAsync(Exception exception, string workerId, CancellationToken stop)
    {
        switch (exception)
        {
            case OperationCanceledException:
                return Step.Finished;
            case LeaseLostException:
                held.Lost = true;
                StreamsLog.LeaseLost(logger, workerId, held.Lease.ShardId);
                return Step.Finished;
            case ExpiredIteratorException:
                StreamsLog.IteratorExpired(logger, held.Lease.ShardId, held.Lease.Checkpoint);
                return Step.ReadFrom(null);
            case TrimmedDataAccessException:
                if (held.Lease.Checkpoint == Checkpoints.TrimHorizon)
                {
                    // Reading from the oldest record there is: the horizon moved on, no record was skipped.
                    StreamsLog.TrimHorizonMoved(logger, held.Lease.ShardId);
                }
                else
                {
                    StreamsLog.Trimmed(logger, held.Lease.ShardId, held.Lease.Checkpoint, exception);
                }

                return Step.ReadFromOldest;
            case StreamResourceNotFoundException:
                return await ShardNotFoundAsync(exception, workerId, stop);
        }

        return await RetryAfterPauseAsync(exception, stop);
    }

    /// <summary>
    /// The Streams API says the shard or its stream does not exist (past the 24-hour retention, the stream disabled, the table
    /// re-created): reading again would fail for ever, so the stream is described again. A shard it still lists is read again
    /// after a pause, like any failed batch; a shard it no longer lists, or a stream that is gone, gets its lease finished
    /// (<c>SHARD_END</c>: its children may start) and marked vanished, for the worker to delete it and discover the table's current stream.
    /// </summary>
    private async Task<Step> ShardNotFoundAsync(Exception notFound, string workerId, CancellationToken stop)
    {
        try
        {
            var presence = await streams.FindShardAsync(held.Lease.StreamArn, held.Lease.ShardId, stop);
            if (presence == ShardPresence.Listed)
            {
                return await RetryAfterPauseAsync(notFound, stop);
            }

            if (presence == ShardPresence.StreamGone)
            {
                StreamsLog.StreamVanished(logger, held.Lease.StreamArn, held.TableName, held.Lease.ShardId, held.Lease.Checkpoint);
            }
            else
            {
                StreamsLog.ShardVanished(logger, held.Lease.ShardId, held.TableName, held.Lease.Checkpoint);
            }

            if (StillHolds())
            {
                await CheckpointAsync(Checkpoints.ShardEnd);
                held.Vanished = true;
            }

            return Step.Finished;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || stop.IsCancellationRequested)
        {
            // The lookup or the checkpoint failed (or the lease was lost): as after any failed batch.
            return await RecoverAsync(exception, workerId, stop);
        }
    }

    private async Task<Step> RetryAfterPauseAsync(Exception exception, CancellationToken stop)
    {
        if (exception is StreamsServiceException or HttpRequestException)
        {
            progress.StreamsFailed(exception);
        }

        StreamsLog.BatchFailed(logger, held.Lease.ShardId, held.Lease.Checkpoint, exception);
        try
        {
            await Task.Delay(FailureDelay, time, stop);
        }
        catch (OperationCanceledException)
        {
            return Step.Finished;
        }

        return Step.ReadFrom(null);
    }

    /// <summary>
    /// Whether this worker may still act on the shard (the lease not lost, its validity less the safety margin not over);
    /// when not, logs that it stops. Checked before a batch is read, published and checkpointed.
    /// </summary>
    private bool StillHolds()
    {
        if (!held.Lost && LeasePlanner.IsHolderValid(held.LastWriteStartedAt, time.GetUtcNow(), options.LeaseDuration, options.SafetyMargin))
        {
            return true;
        }

        StreamsLog.LeaseLapsed(logger, held.Lease.ShardId);
        return false;
    }

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

    /// <summary>
    /// What the consumer does next: stop, or read from an iterator (null: from a new iterator at <see cref="Position"/>,
    /// or at the lease's checkpoint when that is null too).
    /// </summary>
    private readonly record struct Step(bool Done, string? Iterator, string? Position = null)
    {
        public static Step Finished => new(true, null);

        /// <summary>From the oldest record the shard still has.</summary>
        public static Step ReadFromOldest => new(false, null, Checkpoints.TrimHorizon);

        public static Step ReadFrom(string? iterator) => new(false, iterator);
    }
}
