namespace DynamoDbStreams.Processing;

/// <summary>A lease this worker holds, its consumer, and the gate that serialises the holder's conditional writes.</summary>
internal sealed class HeldLease(Lease lease, string tableName, DateTimeOffset lastWriteStartedAt) : IDisposable
{
    public Lease Lease { get; set; } = lease;

    public string TableName { get; } = tableName;

    /// <summary>When the last successful renewal or checkpoint was <em>sent</em>: validity counts from there.</summary>
    public DateTimeOffset LastWriteStartedAt { get; set; } = lastWriteStartedAt;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Asks the consumer to stop between batches (handoff, lost lease, shutdown).</summary>
    public CancellationTokenSource Stop { get; } = new();

    public Task Consumer { get; set; } = Task.CompletedTask;

    public string? HandTo { get; set; }

    public bool Lost { get; set; }

    /// <summary>The shard or its stream no longer exists: the consumer finished the lease, the worker deletes it.</summary>
    public bool Vanished { get; set; }

    public void Dispose()
    {
        Gate.Dispose();
        Stop.Dispose();
    }
}
