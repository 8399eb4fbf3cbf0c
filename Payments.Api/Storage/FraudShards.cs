namespace Payments.Api.Storage;

/// <summary>
/// Write sharding of a hot user's fraud partition: an event goes to <c>USER#&lt;id&gt;#SHARD#&lt;n&gt;</c>, with n
/// a stable hash of its event id; reads scatter over every shard (and the plain partition) and gather by time.
/// </summary>
internal sealed class FraudShards(IOptions<FraudOptions> options)
{
    private readonly HashSet<string> _hotUsers = new(options.Value.HotUsers, StringComparer.Ordinal);
    private readonly int _shardCount = options.Value.ShardCount;

    public bool IsHot(string userId) => _hotUsers.Contains(userId);

    /// <summary>The partition an event is written to.</summary>
    public string PartitionFor(string userId, string eventId) =>
        IsHot(userId) ? PaymentKeys.FraudShardPk(userId, ShardOf(eventId, _shardCount)) : PaymentKeys.UserPk(userId);

    /// <summary>Every partition a user's events may be in: the plain one (events from before the user was hot) and the shards.</summary>
    public IReadOnlyList<string> PartitionsOf(string userId) => IsHot(userId)
        ? [PaymentKeys.UserPk(userId), .. Enumerable.Range(0, _shardCount).Select(shard => PaymentKeys.FraudShardPk(userId, shard))]
        : [PaymentKeys.UserPk(userId)];

    /// <summary>A stable, evenly spread shard for an id (FNV-1a; string.GetHashCode changes from process to process).</summary>
    public static int ShardOf(string eventId, int shardCount)
    {
        const uint offsetBasis = 2166136261;
        const uint prime = 16777619;
        var hash = offsetBasis;
        foreach (var c in eventId)
        {
            hash = unchecked((hash ^ c) * prime);
        }

        return (int)(hash % (uint)shardCount);
    }
}
