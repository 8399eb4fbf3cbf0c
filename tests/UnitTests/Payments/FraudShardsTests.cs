using Microsoft.Extensions.Options;
using Payments.Api.Storage;
using Xunit;

namespace UnitTests.Payments;

public class FraudShardsTests
{
    private static readonly FraudShards Shards = new(Options.Create(new FraudOptions { HotUsers = ["hot"], ShardCount = 4 }));

    [Fact]
    public void A_user_who_is_not_hot_writes_to_one_partition()
    {
        Assert.Equal("USER#calm", Shards.PartitionFor("calm", "e1"));
        Assert.Equal(["USER#calm"], Shards.PartitionsOf("calm"));
    }

    [Fact]
    public void The_shard_of_an_event_is_stable() =>
        Assert.Equal(Shards.PartitionFor("hot", "event-42"), Shards.PartitionFor("hot", "event-42"));

    [Fact]
    public void A_hot_users_events_spread_over_every_shard()
    {
        var used = Enumerable.Range(0, 400).Select(i => FraudShards.ShardOf(Guid.NewGuid().ToString("N"), 4)).ToHashSet();

        Assert.Equal([0, 1, 2, 3], used.Order());
    }

    [Fact]
    public void Reads_gather_the_plain_partition_and_every_shard() =>
        Assert.Equal(["USER#hot", "USER#hot#SHARD#0", "USER#hot#SHARD#1", "USER#hot#SHARD#2", "USER#hot#SHARD#3"], Shards.PartitionsOf("hot"));

    [Fact]
    public void A_hot_users_event_goes_to_one_of_the_shards() =>
        Assert.StartsWith("USER#hot#SHARD#", Shards.PartitionFor("hot", "e1"), StringComparison.Ordinal);
}
