namespace DynamoDbStreams.Leases;

/// <summary>A conditional lease write failed: another worker holds (or took) the lease.</summary>
public sealed class LeaseLostException(string leaseKey) : Exception($"Lease '{leaseKey}' is no longer held by this worker.")
{
    public string LeaseKey { get; } = leaseKey;
}
