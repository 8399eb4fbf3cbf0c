namespace DynamoDbStreams.Processing;

/// <summary>
/// What one successful discovery saw: the lease table as it read it first, and every stream <c>ListStreams</c> listed
/// for each source table (not only the ones read, <see cref="StreamsToRead"/>). Only a discovery whose every listing succeeded gives one.
/// </summary>
internal sealed record StreamListing(IReadOnlyList<Lease> Leases, IReadOnlyDictionary<string, IReadOnlySet<string>> StreamsByTable);
