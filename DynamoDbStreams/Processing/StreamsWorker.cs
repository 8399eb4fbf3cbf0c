using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DynamoDbStreams.Processing;

/// <summary>
/// Reads the streams of the configured tables, the way Lambda's event-source mapping and the KCL do: discovers
/// shards, keeps one lease per shard in DynamoDB, runs one consumer per held lease (parents before children),
/// checkpoints after every batch, hands leases over on request and releases them on shutdown.
/// </summary>
public sealed class StreamsWorker(
    IDynamoDbStreamsClient streams,
    LeaseTable leases,
    IShardRecordProcessor processor,
    IEnumerable<StreamSource> sources,
    IOptions<StreamsWorkerOptions> options,
    ShardProgress progress,
    TimeProvider time,
    ILogger<StreamsWorker> logger) : BackgroundService
{
    private readonly Dictionary<string, HeldLease> _held = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _tableOfStream = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, LeaseObservation> _observations = new Dictionary<string, LeaseObservation>();
    private DateTimeOffset _nextDiscovery = DateTimeOffset.MinValue;

    private StreamsWorkerOptions Options => options.Value;

    private string WorkerId => Options.WorkerId;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReapAsync();
                if (time.GetUtcNow() >= _nextDiscovery)
                {
                    await DiscoverAsync(stoppingToken);
                    _nextDiscovery = time.GetUtcNow() + Options.DiscoveryInterval;
                }

                await RenewAsync(stoppingToken);
                await BalanceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception) when (DynamoDbFailure.IsTransient(exception))
            {
                if (exception is StreamsServiceException or HttpRequestException)
                {
                    progress.StreamsFailed(exception);
                }

                StreamsLog.CycleFailed(logger, exception);
            }

            progress.LoopTurned();
            try
            {
                await Task.Delay(Options.RenewInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await ShutdownAsync();
    }

    private async Task DiscoverAsync(CancellationToken cancellationToken)
    {
        var known = (await leases.ListAsync(cancellationToken)).ToDictionary(l => l.LeaseKey, StringComparer.Ordinal);
        foreach (var source in sources)
        {
            var stream = (await streams.ListStreamsAsync(source.TableName, cancellationToken))
                .Where(s => s.TableName == source.TableName)
                .MaxBy(s => s.StreamLabel, StringComparer.Ordinal);
            progress.StreamsAnswered();
            if (stream is null)
            {
                continue;
            }

            IReadOnlyList<ShardDescription> shards;
            try
            {
                shards = await streams.DescribeStreamAsync(stream.StreamArn, cancellationToken);
            }
            catch (StreamResourceNotFoundException exception)
            {
                // Failing the cycle would skip every renewal at every cycle while the listing lags; the other tables go on.
                StreamsLog.ListedStreamMissing(logger, stream.StreamArn, source.TableName, exception);
                continue;
            }

            _tableOfStream[stream.StreamArn] = source.TableName;
            foreach (var shard in shards.Where(s => !known.ContainsKey(Lease.KeyOf(stream.StreamArn, s.ShardId))))
            {
                if (await leases.CreateAsync(stream.StreamArn, shard, cancellationToken))
                {
                    StreamsLog.ShardDiscovered(logger, shard.ShardId, source.TableName, shard.ParentShardId);
                }
            }

            // A finished shard stays in the table while the stream lists it (its children check lineage against it).
            var listed = shards.Select(s => s.ShardId).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in known.Values.Where(l => l.StreamArn == stream.StreamArn && l.IsFinished && !listed.Contains(l.ShardId)))
            {
                await leases.DeleteFinishedAsync(gone, cancellationToken);
                StreamsLog.ShardRetired(logger, gone.ShardId);
            }
        }
    }

    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        foreach (var held in _held.Values.Where(h => !h.Consumer.IsCompleted && !h.Lost))
        {
            await held.Gate.WaitAsync(cancellationToken);
            try
            {
                var started = time.GetUtcNow();
                held.Lease = await leases.RenewAsync(held.Lease, cancellationToken);
                held.LastWriteStartedAt = started;
                if (held.Lease.PendingOwner is { } next && held.HandTo is null)
                {
                    held.HandTo = next;
                    StreamsLog.HandingOver(logger, WorkerId, held.Lease.ShardId, next);
                    await held.Stop.CancelAsync();
                }
            }
            catch (LeaseLostException)
            {
                held.Lost = true;
                StreamsLog.LeaseLost(logger, WorkerId, held.Lease.ShardId);
                await held.Stop.CancelAsync();
            }
            catch (Exception exception) when (DynamoDbFailure.IsTransient(exception))
            {
                // The consumer stops by itself when the lease's validity lapses.
                StreamsLog.RenewFailed(logger, held.Lease.ShardId, exception);
            }
            finally
            {
                held.Gate.Release();
            }
        }
    }

    private async Task BalanceAsync(CancellationToken cancellationToken)
    {
        var all = await leases.ListAsync(cancellationToken);
        var known = all.Select(l => l.ShardId).ToHashSet(StringComparer.Ordinal);
        var finished = all.Where(l => l.IsFinished).Select(l => l.ShardId).ToHashSet(StringComparer.Ordinal);

        // Leases handed to this worker by their previous holder.
        foreach (var lease in all.Where(l => l.Owner == WorkerId && !l.IsFinished && !_held.ContainsKey(l.LeaseKey)))
        {
            if (LeasePlanner.IsParentDone(lease, known, finished) && _tableOfStream.ContainsKey(lease.StreamArn))
            {
                var started = time.GetUtcNow();
                try
                {
                    Start(await leases.RenewAsync(lease, cancellationToken), started);
                }
                catch (LeaseLostException)
                {
                    // Someone took it meanwhile.
                }
            }
        }

        var plan = LeasePlanner.Plan(WorkerId, all.Where(l => _tableOfStream.ContainsKey(l.StreamArn)).ToList(), _observations, time.GetUtcNow(), Options.LeaseDuration);
        _observations = plan.Observations;
        foreach (var lease in plan.ToTake)
        {
            var started = time.GetUtcNow();
            if (await leases.TakeAsync(lease, WorkerId, cancellationToken) is { } taken)
            {
                Start(taken, started);
            }
        }

        foreach (var lease in plan.ToRequest)
        {
            if (await leases.RequestHandoffAsync(lease, WorkerId, cancellationToken))
            {
                StreamsLog.HandoffRequested(logger, WorkerId, lease.Owner!, lease.ShardId);
            }
        }
    }

    private void Start(Lease lease, DateTimeOffset writeStartedAt)
    {
        var held = new HeldLease(lease, _tableOfStream[lease.StreamArn], writeStartedAt);
        _held[lease.LeaseKey] = held;
        StreamsLog.LeaseTaken(logger, WorkerId, lease.ShardId, held.TableName, lease.Checkpoint);
        var consumer = new ShardConsumer(held, streams, leases, processor, Options, progress, time, logger);
        held.Consumer = Task.Run(() => consumer.RunAsync(WorkerId), CancellationToken.None);
    }

    /// <summary>Ends the bookkeeping of consumers that stopped: hands over, or releases, what is still ours.</summary>
    private async Task ReapAsync()
    {
        foreach (var held in _held.Values.Where(h => h.Consumer.IsCompleted).ToList())
        {
            await ReleaseAsync(held);
        }
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

    /// <summary>
    /// Deletes the finished lease of a shard that no longer exists (no stream will list it again) and discovers the
    /// tables' streams at once: when it was the stream that vanished, the table's current one is read without waiting.
    /// </summary>
    private async Task RetireVanishedAsync(Lease lease)
    {
        _nextDiscovery = DateTimeOffset.MinValue;
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

    private async Task ShutdownAsync()
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

        StreamsLog.Released(logger, WorkerId, all.Count);
    }
}
