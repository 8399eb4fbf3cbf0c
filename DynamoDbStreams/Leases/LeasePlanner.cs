namespace DynamoDbStreams.Leases;

/// <summary>
/// The lease state machine's decisions, pure. A lease is <em>free</em> (no owner), <em>held</em> by a live worker
/// (its counter moved within the lease duration, as this worker observed it), or <em>expired</em> (its counter
/// did not move for a whole lease duration on this worker's clock; the KCL rule, which needs no synchronised clocks).
/// A worker takes free and expired leases up to its fair share, only for shards whose lineage is done (the parent shard
/// and the table's older streams finished, <see cref="LeaseLineage"/>); when it has less than its share and another
/// worker has more, it asks that worker to hand one over (the holder checkpoints and passes it on, so no shard is ever
/// processed by two workers at once).
/// </summary>
public static class LeasePlanner
{
    public static LeasePlan Plan(
        string workerId,
        IReadOnlyList<Lease> leases,
        IReadOnlyDictionary<string, LeaseObservation> previous,
        DateTimeOffset now,
        TimeSpan leaseDuration)
    {
        ArgumentNullException.ThrowIfNull(leases);
        ArgumentNullException.ThrowIfNull(previous);

        var observations = new Dictionary<string, LeaseObservation>(StringComparer.Ordinal);
        foreach (var lease in leases)
        {
            observations[lease.LeaseKey] = previous.TryGetValue(lease.LeaseKey, out var seen) && seen.Counter == lease.Counter
                ? seen
                : new LeaseObservation(lease.Counter, now);
        }

        var lineage = new LeaseLineage(leases);
        var workable = leases
            .Where(l => !l.IsFinished && lineage.IsReady(l))
            .OrderBy(l => l.LeaseKey, StringComparer.Ordinal)
            .ToList();

        bool IsExpired(Lease lease) => lease.Owner is not null && now - observations[lease.LeaseKey].FirstSeenAt >= leaseDuration;

        var liveOwners = workable.Where(l => l.Owner is not null && !IsExpired(l)).Select(l => l.Owner!).ToHashSet(StringComparer.Ordinal);
        liveOwners.Add(workerId);
        // Leases already on their way to this worker (a handoff it asked for) count as its own.
        var incoming = workable.Count(l => l.Owner != workerId && l.PendingOwner == workerId && !IsExpired(l));
        var mine = workable.Count(l => l.Owner == workerId) + incoming;
        var ceiling = (workable.Count + liveOwners.Count - 1) / liveOwners.Count;
        var floor = workable.Count / liveOwners.Count;

        var toTake = workable
            .Where(l => l.Owner is null || (l.Owner != workerId && IsExpired(l)))
            .Take(Math.Max(0, ceiling - mine))
            .ToList();

        var toRequest = new List<Lease>();
        // One handoff at a time: ask again only once the previous one has arrived.
        if (incoming == 0 && mine + toTake.Count < floor)
        {
            var donor = workable
                .Where(l => l.Owner is not null && l.Owner != workerId && !IsExpired(l))
                .GroupBy(l => l.Owner!, StringComparer.Ordinal)
                .Where(g => g.Count() > ceiling || g.Count() > mine + toTake.Count + 1)
                .OrderByDescending(g => g.Count())
                .FirstOrDefault();
            var lease = donor?.FirstOrDefault(l => l.PendingOwner is null);
            if (lease is not null)
            {
                toRequest.Add(lease);
            }
        }

        return new LeasePlan(toTake, toRequest, observations);
    }

    /// <summary>
    /// A holder may act on a lease only until one lease duration (less a safety margin) after it <em>started</em> its
    /// last successful write: any taker waits a full duration from a later observation, so the two never overlap.
    /// </summary>
    public static bool IsHolderValid(DateTimeOffset lastWriteStartedAt, DateTimeOffset now, TimeSpan leaseDuration, TimeSpan safetyMargin) =>
        now < lastWriteStartedAt + leaseDuration - safetyMargin;
}
