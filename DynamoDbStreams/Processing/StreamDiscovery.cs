namespace DynamoDbStreams.Processing;

/// <summary>
/// Finds the shards of the source tables' streams, every <see cref="StreamsWorkerOptions.DiscoveryInterval"/> or
/// sooner when asked (<see cref="RunSoon"/>). Of the streams <c>ListStreams</c> gives for a table, the ones read are
/// the newest and every older one from the oldest the lease table has leases of (<see cref="StreamsToRead"/>): a stream
/// replaced while it still held unread records is read to its end before the newer one (<see cref="LeaseLineage"/>).
/// Each shard of a stream read that has no lease gets one, and the lease of a finished shard the stream no longer lists is
/// retired; an older stream seen drained (every shard closed and finished) is not described again.
/// A discovery returns what it listed, for <see cref="UnlistedLeaseSweep"/>; one whose listing failed throws instead.
/// </summary>
internal sealed class StreamDiscovery(
    IDynamoDbStreamsClient streams,
    LeaseTable leases,
    IEnumerable<StreamSource> sources,
    KnownStreams known,
    StreamsWorkerOptions options,
    ShardProgress progress,
    TimeProvider time,
    ILogger logger)
{
    private readonly HashSet<string> _replaced = new(StringComparer.Ordinal);
    private readonly HashSet<string> _drained = new(StringComparer.Ordinal);
    private DateTimeOffset _nextDiscovery = DateTimeOffset.MinValue;

    /// <summary>Discovers if it is time to (null when not); a failed discovery is tried again at the next call.</summary>
    public async Task<StreamListing?> DiscoverWhenDueAsync(CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() < _nextDiscovery)
        {
            return null;
        }

        var listing = await DiscoverAsync(cancellationToken);
        _nextDiscovery = time.GetUtcNow() + options.DiscoveryInterval;
        return listing;
    }

    /// <summary>Discovers at the next call, without waiting for the interval (a stream that vanished may have a successor).</summary>
    public void RunSoon() => _nextDiscovery = DateTimeOffset.MinValue;

    private async Task<StreamListing> DiscoverAsync(CancellationToken cancellationToken)
    {
        var all = await leases.ListAsync(cancellationToken);
        var leased = all.ToDictionary(l => l.LeaseKey, StringComparer.Ordinal);
        var leasedStreams = all.Select(l => l.StreamArn).ToHashSet(StringComparer.Ordinal);
        var streamsByTable = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            var listed = (await streams.ListStreamsAsync(source.TableName, cancellationToken)).Where(s => s.TableName == source.TableName).ToList();
            progress.StreamsAnswered();
            streamsByTable[source.TableName] = listed.Select(s => s.StreamArn).ToHashSet(StringComparer.Ordinal);
            var toRead = StreamsToRead.Of(listed, leasedStreams);
            foreach (var stream in toRead.SkipLast(1).Where(s => !_drained.Contains(s.StreamArn)))
            {
                await DiscoverShardsAsync(stream, source.TableName, leased, isNewest: false, cancellationToken);
            }

            if (toRead.Count > 0)
            {
                await DiscoverShardsAsync(toRead[^1], source.TableName, leased, isNewest: true, cancellationToken);
            }
        }

        return new StreamListing(all, streamsByTable);
    }

    /// <summary>Leases the stream's new shards and retires its finished ones; an older stream all of whose shards are closed and finished is drained.</summary>
    private async Task DiscoverShardsAsync(
        StreamSummary stream, string tableName, IReadOnlyDictionary<string, Lease> leased, bool isNewest, CancellationToken cancellationToken)
    {
        IReadOnlyList<ShardDescription> shards;
        try
        {
            shards = await streams.DescribeStreamAsync(stream.StreamArn, cancellationToken);
        }
        catch (StreamResourceNotFoundException exception)
        {
            // Failing the cycle would skip every renewal at every cycle while the listing lags; the other streams go on.
            StreamsLog.ListedStreamMissing(logger, stream.StreamArn, tableName, exception);
            return;
        }

        known.Remember(stream.StreamArn, tableName);
        if (!isNewest && _replaced.Add(stream.StreamArn))
        {
            StreamsLog.ReplacedStreamRead(logger, stream.StreamArn, tableName);
        }

        await LeaseNewShardsAsync(stream.StreamArn, tableName, shards, leased, cancellationToken);
        await RetireFinishedShardsAsync(stream.StreamArn, shards, leased.Values, cancellationToken);
        if (!isNewest && shards.All(s => s.IsClosed && leased.TryGetValue(Lease.KeyOf(stream.StreamArn, s.ShardId), out var lease) && lease.IsFinished))
        {
            _drained.Add(stream.StreamArn);
            StreamsLog.ReplacedStreamDrained(logger, stream.StreamArn, tableName);
        }
    }

    private async Task LeaseNewShardsAsync(
        string streamArn, string tableName, IReadOnlyList<ShardDescription> shards, IReadOnlyDictionary<string, Lease> leased, CancellationToken cancellationToken)
    {
        foreach (var shard in shards.Where(s => !leased.ContainsKey(Lease.KeyOf(streamArn, s.ShardId))))
        {
            if (await leases.CreateAsync(streamArn, shard, cancellationToken))
            {
                StreamsLog.ShardDiscovered(logger, shard.ShardId, tableName, shard.ParentShardId);
            }
        }
    }

    /// <summary>A finished shard stays in the table while the stream lists it (its children check lineage against it).</summary>
    private async Task RetireFinishedShardsAsync(
        string streamArn, IReadOnlyList<ShardDescription> shards, IEnumerable<Lease> leased, CancellationToken cancellationToken)
    {
        var listed = shards.Select(s => s.ShardId).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in leased.Where(l => l.StreamArn == streamArn && l.IsFinished && !listed.Contains(l.ShardId)))
        {
            await leases.DeleteFinishedAsync(gone, cancellationToken);
            StreamsLog.ShardRetired(logger, gone.ShardId);
        }
    }
}
