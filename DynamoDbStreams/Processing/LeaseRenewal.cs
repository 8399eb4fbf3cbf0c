namespace DynamoDbStreams.Processing;

/// <summary>
/// Renews the leases whose consumers run, proving this worker alive; a renewal that shows a handoff request stops the
/// consumer (which then hands the lease over), and one that finds the lease taken stops it for good.
/// </summary>
internal sealed class LeaseRenewal(LeaseTable leases, ShardConsumers consumers, StreamsWorkerOptions options, TimeProvider time, ILogger logger)
{
    private string WorkerId => options.WorkerId;

    public async Task RenewAsync(CancellationToken cancellationToken)
    {
        foreach (var held in consumers.Running)
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
}
