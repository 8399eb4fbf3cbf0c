namespace DynamoDbStreams.Processing;

/// <summary>Lease and polling settings of the stream worker (section <c>Streams</c>).</summary>
public sealed class StreamsWorkerOptions
{
    public const string SectionName = "Streams";

    /// <summary>This worker's identity in the lease table; unique per process by default.</summary>
    public string WorkerId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";

    public string LeaseTable { get; set; } = "events-leases";

    /// <summary>How long a silent holder keeps a lease; a dead worker's shards move after about this long.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>A holder stops acting this long before its lease could be taken (slow writes, clock rate drift).</summary>
    public TimeSpan SafetyMargin { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often leases are renewed and the lease table is re-read.</summary>
    public TimeSpan RenewInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often streams and shards are re-discovered.</summary>
    public TimeSpan DiscoveryInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Delay between polls of a shard that returned nothing.</summary>
    public TimeSpan IdlePollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    public int BatchSize { get; set; } = 1000;

    /// <summary>
    /// How long a lease of a stream <c>ListStreams</c> no longer lists must be seen unchanged, its stream unlisted at every
    /// discovery, before it is deleted; never less than <see cref="LeaseDuration"/>, so a live holder's lease is kept.
    /// </summary>
    public TimeSpan UnlistedStreamGrace { get; set; } = TimeSpan.FromMinutes(5);
}
