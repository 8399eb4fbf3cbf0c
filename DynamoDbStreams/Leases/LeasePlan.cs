namespace DynamoDbStreams.Leases;

/// <summary>What one worker should do about the leases after one look at the lease table.</summary>
public sealed record LeasePlan(IReadOnlyList<Lease> ToTake, IReadOnlyList<Lease> ToRequest, IReadOnlyDictionary<string, LeaseObservation> Observations);

/// <summary>The counter a worker last saw on a lease, and when (on its own clock) it first saw that value.</summary>
public sealed record LeaseObservation(long Counter, DateTimeOffset FirstSeenAt);
