namespace DynamoDbStreams.Processing;

/// <summary>
/// Moves leases to this worker after one look at the lease table: the ones handed to it, then the free and expired
/// ones up to its fair share (<see cref="LeasePlanner"/>), and a handoff request to an overloaded worker when it has
/// less. Only leases of <see cref="KnownStreams"/> are considered.
/// </summary>
internal sealed class LeaseBalancer(
    LeaseTable leases, ShardConsumers consumers, KnownStreams known, StreamsWorkerOptions options, TimeProvider time, ILogger logger)
{
    private IReadOnlyDictionary<string, LeaseObservation> _observations = new Dictionary<string, LeaseObservation>();

    private string WorkerId => options.WorkerId;

    public async Task BalanceAsync(CancellationToken cancellationToken)
    {
        var all = await leases.ListAsync(cancellationToken);
        await StartHandedOverAsync(all, cancellationToken);

        var plan = LeasePlanner.Plan(WorkerId, all.Where(l => known.Contains(l.StreamArn)).ToList(), _observations, time.GetUtcNow(), options.LeaseDuration);
        _observations = plan.Observations;
        foreach (var lease in plan.ToTake)
        {
            var started = time.GetUtcNow();
            if (await leases.TakeAsync(lease, WorkerId, cancellationToken) is { } taken)
            {
                consumers.Start(taken, started);
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

    /// <summary>Leases handed to this worker by their previous holder.</summary>
    private async Task StartHandedOverAsync(IReadOnlyList<Lease> all, CancellationToken cancellationToken)
    {
        var knownShards = all.Select(l => l.ShardId).ToHashSet(StringComparer.Ordinal);
        var finished = all.Where(l => l.IsFinished).Select(l => l.ShardId).ToHashSet(StringComparer.Ordinal);
        foreach (var lease in all.Where(l => l.Owner == WorkerId && !l.IsFinished && !consumers.Holds(l.LeaseKey)))
        {
            if (LeasePlanner.IsParentDone(lease, knownShards, finished) && known.Contains(lease.StreamArn))
            {
                var started = time.GetUtcNow();
                try
                {
                    consumers.Start(await leases.RenewAsync(lease, cancellationToken), started);
                }
                catch (LeaseLostException)
                {
                    // Someone took it meanwhile.
                }
            }
        }
    }
}
