namespace Cart.Api.Caching;

/// <summary>
/// What Redis held for a cart. A <see cref="IsCurrent"/> entry is served as it is; any other (past its lifetime, or
/// cached before the last Redis outage this replica saw) is only the last-known copy, served marked stale when
/// DynamoDB cannot answer the read.
/// </summary>
internal sealed record CacheRead(CachedCart Entry, bool IsCurrent);
