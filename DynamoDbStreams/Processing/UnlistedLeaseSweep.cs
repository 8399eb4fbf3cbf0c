namespace DynamoDbStreams.Processing;

/// <summary>
/// Deletes the leases of streams that <c>ListStreams</c> no longer lists for their table (the stream disabled and past
/// its retention, the table re-created), once nobody holds them (<see cref="UnlistedLeasePlanner"/>): without it their
/// rows stay for ever and every cycle reads them. Each delete is conditional on the counter observed, so a holder's
/// write in between keeps the lease, and of replicas racing to delete one only the first succeeds (and logs).
/// </summary>
internal sealed class UnlistedLeaseSweep(LeaseTable leases, ShardConsumers consumers, StreamsWorkerOptions options, TimeProvider time, ILogger logger)
{
    /// <summary>A backlog is deleted over several discoveries, so renewals never wait long behind it.</summary>
    private const int MostDeletesPerSweep = 25;

    private IReadOnlyDictionary<string, LeaseObservation> _observations = new Dictionary<string, LeaseObservation>();

    public async Task SweepAsync(StreamListing listing, CancellationToken cancellationToken)
    {
        var heldHere = listing.Leases.Select(l => l.LeaseKey).Where(consumers.Holds).ToHashSet(StringComparer.Ordinal);
        var plan = UnlistedLeasePlanner.Plan(
            listing.Leases, listing.StreamsByTable, heldHere, _observations, time.GetUtcNow(), options.LeaseDuration, options.UnlistedStreamGrace);
        _observations = plan.Observations;
        foreach (var lease in plan.ToDelete.Take(MostDeletesPerSweep))
        {
            try
            {
                if (await leases.DeleteUnchangedAsync(lease, cancellationToken))
                {
                    LogDeleted(lease);
                }
            }
            catch (Exception exception) when (DynamoDbFailure.IsTransient(exception))
            {
                // Not worth failing the cycle (its renewals are done, its balancing is not): the lease is still unlisted next time.
                StreamsLog.UnlistedLeaseDeleteFailed(logger, lease.ShardId, lease.StreamArn, exception);
                return;
            }
        }
    }

    private void LogDeleted(Lease lease)
    {
        var table = StreamArns.TableOf(lease.StreamArn)!;
        if (lease.IsFinished)
        {
            StreamsLog.UnlistedFinishedLeaseDeleted(logger, lease.ShardId, lease.StreamArn, table);
        }
        else
        {
            StreamsLog.UnlistedUnfinishedLeaseDeleted(logger, lease.ShardId, lease.Checkpoint, lease.StreamArn, table);
        }
    }
}
