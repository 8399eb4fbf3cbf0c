namespace DynamoDbStreams.Processing;

/// <summary>
/// The leases this worker holds, each with its running <see cref="ShardConsumer"/>: started when a lease is taken,
/// and, once a consumer stops, its lease handed over or released and forgotten.
/// </summary>
internal sealed class ShardConsumers(
    IDynamoDbStreamsClient streams,
    LeaseTable leases,
    IShardRecordProcessor processor,
    KnownStreams known,
    StreamsWorkerOptions options,
    ShardProgress progress,
    TimeProvider time,
    ILogger logger)
{
    private readonly Dictionary<string, HeldLease> _held = new(StringComparer.Ordinal);

    private string WorkerId => options.WorkerId;

    /// <summary>The held leases whose consumer still runs and may still act: the ones to renew.</summary>
    public IEnumerable<HeldLease> Running => _held.Values.Where(h => !h.Consumer.IsCompleted && !h.Lost);

    public bool Holds(string leaseKey) => _held.ContainsKey(leaseKey);

    /// <summary>Starts reading the shard of a lease just taken; <paramref name="writeStartedAt"/> is when the taking write was sent.</summary>
    public void Start(Lease lease, DateTimeOffset writeStartedAt)
    {
        var held = new HeldLease(lease, known.TableOf(lease.StreamArn), writeStartedAt);
        _held[lease.LeaseKey] = held;
        StreamsLog.LeaseTaken(logger, WorkerId, lease.ShardId, held.TableName, lease.Checkpoint);
        var consumer = new ShardConsumer(held, streams, leases, processor, options, progress, time, logger);
        held.Consumer = Task.Run(() => consumer.RunAsync(WorkerId), CancellationToken.None);
    }

    /// <summary>
    /// Ends the bookkeeping of consumers that stopped: hands over, or releases, what is still ours. True when one of them
    /// found its shard or stream gone, so the tables' streams are worth discovering again at once.
    /// </summary>
    public async Task<bool> ReapAsync()
    {
        var vanished = false;
        foreach (var held in _held.Values.Where(h => h.Consumer.IsCompleted).ToList())
        {
            vanished |= held.Vanished;
            await ReleaseAsync(held);
        }

        return vanished;
    }

    /// <summary>Stops every consumer between batches and releases its lease (shutdown); returns how many there were.</summary>
    public async Task<int> StopAllAsync()
    {
        var all = _held.Values.ToList();
        foreach (var held in all)
        {
            await held.Stop.CancelAsync();
        }

        foreach (var held in all)
        {
            await ReleaseAsync(held);
        }

        return all.Count;
    }

    /// <summary>
    /// Gives up the lease of a stopped consumer and forgets it. A consumer that ended with an exception is logged and its
    /// lease released all the same, so the shard is read again from its checkpoint (here or elsewhere); letting the
    /// exception through would stop the worker, or leave it failing on this consumer at every cycle while its leases lapse.
    /// </summary>
    private async Task ReleaseAsync(HeldLease held)
    {
        try
        {
            await held.Consumer;
        }
        catch (Exception exception)
        {
            StreamsLog.ConsumerFailed(logger, held.Lease.ShardId, held.Lease.Checkpoint, exception);
        }

        if (!held.Lost)
        {
            await held.Gate.WaitAsync();
            try
            {
                held.Lease = await leases.ReleaseAsync(held.Lease, held.HandTo, CancellationToken.None);
            }
            catch (Exception exception) when (exception is LeaseLostException || DynamoDbFailure.IsTransient(exception))
            {
                // Already taken, or DynamoDB is away: the lease expires by itself.
                StreamsLog.RenewFailed(logger, held.Lease.ShardId, exception);
            }
            finally
            {
                held.Gate.Release();
            }
        }

        if (held.Vanished)
        {
            await RetireVanishedAsync(held.Lease);
        }

        progress.Forget(held.Lease.ShardId);
        _held.Remove(held.Lease.LeaseKey);
        held.Dispose();
    }

    /// <summary>Deletes the finished lease of a shard that no longer exists: no stream will list it again.</summary>
    private async Task RetireVanishedAsync(Lease lease)
    {
        try
        {
            await leases.DeleteFinishedAsync(lease, CancellationToken.None);
            StreamsLog.ShardRetired(logger, lease.ShardId);
        }
        catch (Exception exception) when (DynamoDbFailure.IsTransient(exception))
        {
            // The lease stays finished, so no worker reads the shard again; discovery retires it if its stream is still listed.
            StreamsLog.RenewFailed(logger, lease.ShardId, exception);
        }
    }
}
