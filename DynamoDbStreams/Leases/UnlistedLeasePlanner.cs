namespace DynamoDbStreams.Leases;

/// <summary>
/// Which leases of streams that <c>ListStreams</c> no longer lists may be deleted, pure. Such a lease qualifies once,
/// at every discovery for a whole wait on this worker's clock, its stream was unlisted and its counter stood still.
/// The wait is the grace (a listing that lags behind a new stream, or that another replica sees differently, costs
/// nothing) and never less than one lease duration: a counter that did not move that long has no live holder (the
/// KCL rule leases are taken by). Only leases of tables whose listing succeeded are judged, never one this worker holds.
/// </summary>
public static class UnlistedLeasePlanner
{
    public static UnlistedLeasePlan Plan(
        IReadOnlyList<Lease> leases,
        IReadOnlyDictionary<string, IReadOnlySet<string>> listedStreamsByTable,
        IReadOnlySet<string> heldHere,
        IReadOnlyDictionary<string, LeaseObservation> previous,
        DateTimeOffset now,
        TimeSpan leaseDuration,
        TimeSpan grace)
    {
        ArgumentNullException.ThrowIfNull(leases);
        ArgumentNullException.ThrowIfNull(listedStreamsByTable);
        ArgumentNullException.ThrowIfNull(heldHere);
        ArgumentNullException.ThrowIfNull(previous);

        var wait = leaseDuration > grace ? leaseDuration : grace;
        var observations = new Dictionary<string, LeaseObservation>(StringComparer.Ordinal);
        var toDelete = new List<Lease>();
        foreach (var lease in leases.Where(l => !heldHere.Contains(l.LeaseKey) && IsUnlisted(l, listedStreamsByTable)))
        {
            var seen = previous.TryGetValue(lease.LeaseKey, out var before) && before.Counter == lease.Counter
                ? before
                : new LeaseObservation(lease.Counter, now);
            observations[lease.LeaseKey] = seen;
            if (now - seen.FirstSeenAt >= wait)
            {
                toDelete.Add(lease);
            }
        }

        return new UnlistedLeasePlan(toDelete, observations);
    }

    /// <summary>Its table was listed and its stream was not among the table's streams; a lease of any other table is not judged.</summary>
    private static bool IsUnlisted(Lease lease, IReadOnlyDictionary<string, IReadOnlySet<string>> listedStreamsByTable) =>
        StreamArns.TableOf(lease.StreamArn) is { } table
        && listedStreamsByTable.TryGetValue(table, out var listed)
        && !listed.Contains(lease.StreamArn);
}

/// <summary>The unlisted leases to delete now, and what was observed of every unlisted lease (for the next discovery).</summary>
public sealed record UnlistedLeasePlan(IReadOnlyList<Lease> ToDelete, IReadOnlyDictionary<string, LeaseObservation> Observations);
