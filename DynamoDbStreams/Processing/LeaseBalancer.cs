namespace DynamoDbStreams.Processing;

/// <summary>
/// Moves leases to this worker after one look at the lease table: the ones handed to it, then the free and expired
/// ones up to its fair share (<see cref="LeasePlanner"/>), and a handoff request to an overloaded worker when it has
/// less. Only leases of <see cref="KnownStreams"/> are considered, and only those whose <see cref="LeaseLineage"/> is done.
/// </summary>
internal sealed class LeaseBalancer(
    LeaseTable leases, ShardConsumers consumers, KnownStreams known, StreamsWorkerOptions options, TimeProvider time, ILogger logger)
{
    private IReadOnlyDictionary<string, LeaseObservation> _observations = new Dictionary<string, LeaseObservation>();

    private string WorkerId => options.WorkerId;

    public async Task BalanceAsync(CancellationToken cancellationToken)
    {
        var all = await leases.ListAsync(cancellationToken);
        var read = all.Where(l => known.Contains(l.StreamArn)).ToList();
        await StartHandedOverAsync(read, cancellationToken);

        var plan = LeasePlanner.Plan(WorkerId, read, _observations, time.GetUtcNow(), options.LeaseDuration);
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

    /// <summary>Leases handed to this worker by their previous holder (of the streams it reads).</summary>
    private async Task StartHandedOverAsync(IReadOnlyList<Lease> read, CancellationToken cancellationToken)
    {
        var lineage = new LeaseLineage(read);
        foreach (var lease in read.Where(l => l.Owner == WorkerId && !l.IsFinished && !consumers.Holds(l.LeaseKey)))
        {
            if (lineage.IsReady(lease))
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
