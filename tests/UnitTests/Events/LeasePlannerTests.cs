using DynamoDbStreams.Leases;

namespace UnitTests.Events;

public sealed class LeasePlannerTests
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(6);
    private static readonly DateTimeOffset T0 = new(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);

    private static Lease L(string shard, string? owner = null, long counter = 0, string checkpoint = Checkpoints.TrimHorizon, string? parent = null, string? pending = null) =>
        new(Lease.KeyOf("arn", shard), "arn", shard, parent, owner, counter, checkpoint, pending);

    private const string OlderStream = "arn:aws:dynamodb:ddblocal:000000000000:table/carts/stream/2026-01-15T10:20:00.000";
    private const string NewerStream = "arn:aws:dynamodb:ddblocal:000000000000:table/carts/stream/2026-01-16T08:00:00.000";
    private const string OtherTablesNewerStream = "arn:aws:dynamodb:ddblocal:000000000000:table/payments/stream/2026-01-16T08:00:00.000";

    private static Lease S(string stream, string shard, string? owner = null, long counter = 0, string checkpoint = Checkpoints.TrimHorizon) =>
        new(Lease.KeyOf(stream, shard), stream, shard, null, owner, counter, checkpoint);

    private static LeasePlan Plan(string me, IReadOnlyList<Lease> leases, IReadOnlyDictionary<string, LeaseObservation>? seen = null, DateTimeOffset? now = null) =>
        LeasePlanner.Plan(me, leases, seen ?? new Dictionary<string, LeaseObservation>(), now ?? T0, Duration);

    [Fact]
    public void A_lone_worker_takes_every_free_lease()
    {
        var plan = Plan("a", [L("s1"), L("s2")]);

        Assert.Equal(["s1", "s2"], plan.ToTake.Select(l => l.ShardId));
    }

    [Fact]
    public void A_child_is_not_taken_before_its_parent_is_finished()
    {
        var plan = Plan("a", [L("parent", owner: "b", counter: 3), L("child", parent: "parent")]);

        Assert.DoesNotContain(plan.ToTake, l => l.ShardId == "child");
    }

    [Fact]
    public void A_child_is_taken_once_its_parent_checkpointed_the_shard_end()
    {
        var plan = Plan("a", [L("parent", checkpoint: Checkpoints.ShardEnd), L("child", parent: "parent")]);

        Assert.Equal(["child"], plan.ToTake.Select(l => l.ShardId));
    }

    [Fact]
    public void A_child_whose_parent_is_no_longer_known_is_not_blocked()
    {
        Assert.Equal(["child"], Plan("a", [L("child", parent: "trimmed")]).ToTake.Select(l => l.ShardId));
    }

    [Fact]
    public void A_shard_of_a_tables_newer_stream_is_not_taken_before_every_lease_of_its_older_streams_is_finished()
    {
        var plan = Plan("a", [
            S(OlderStream, "old-1", checkpoint: Checkpoints.ShardEnd),
            S(OlderStream, "old-2", checkpoint: "17"),
            S(NewerStream, "new-1"),
            S(OtherTablesNewerStream, "other-1")]);

        Assert.Equal(["old-2", "other-1"], plan.ToTake.Select(l => l.ShardId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_shard_of_a_tables_newer_stream_is_taken_once_its_older_streams_are_finished_or_no_longer_in_the_table()
    {
        Assert.Equal(["new-1"], Plan("a", [S(OlderStream, "old-1", checkpoint: Checkpoints.ShardEnd), S(NewerStream, "new-1")]).ToTake.Select(l => l.ShardId));
        Assert.Equal(["new-1"], Plan("a", [S(NewerStream, "new-1")]).ToTake.Select(l => l.ShardId));
    }

    [Fact]
    public void A_lineage_counts_an_older_streams_lease_however_it_is_held_and_never_a_newer_streams()
    {
        var lineage = new LeaseLineage([S(OlderStream, "old-1", owner: "b", counter: 4, checkpoint: "17"), S(NewerStream, "new-1", owner: "c", counter: 2)]);

        Assert.True(lineage.IsReady(S(OlderStream, "old-1", owner: "b", counter: 4, checkpoint: "17")));
        Assert.False(lineage.IsReady(S(NewerStream, "new-1", owner: "c", counter: 2)));
    }

    [Fact]
    public void A_held_lease_is_not_taken_while_its_counter_moves()
    {
        var first = Plan("a", [L("s1", owner: "b", counter: 1)]);
        var later = Plan("a", [L("s1", owner: "b", counter: 2)], first.Observations, T0 + Duration + TimeSpan.FromSeconds(1));

        Assert.Empty(later.ToTake);
    }

    [Fact]
    public void A_lease_whose_counter_stood_still_for_a_whole_duration_is_taken()
    {
        var first = Plan("a", [L("s1", owner: "dead", counter: 7)]);
        var almost = Plan("a", [L("s1", owner: "dead", counter: 7)], first.Observations, T0 + Duration - TimeSpan.FromMilliseconds(1));
        var expired = Plan("a", [L("s1", owner: "dead", counter: 7)], almost.Observations, T0 + Duration);

        Assert.Empty(first.ToTake);
        Assert.Empty(almost.ToTake);
        Assert.Equal(["s1"], expired.ToTake.Select(l => l.ShardId));
    }

    [Fact]
    public void A_new_worker_takes_no_more_than_its_fair_share_of_free_leases()
    {
        var plan = Plan("a", [L("s1", owner: "b", counter: 1), L("s2"), L("s3"), L("s4")]);

        Assert.Equal(2, plan.ToTake.Count);
    }

    [Fact]
    public void A_worker_without_leases_asks_a_worker_with_too_many_for_one()
    {
        var plan = Plan("a", [L("s1", owner: "b", counter: 1), L("s2", owner: "b", counter: 1)]);

        Assert.Empty(plan.ToTake);
        Assert.Single(plan.ToRequest);
        Assert.Equal("b", plan.ToRequest[0].Owner);
    }

    [Fact]
    public void A_worker_asks_for_one_lease_at_a_time()
    {
        var plan = Plan("a", [L("s1", owner: "b", counter: 1, pending: "a"), L("s2", owner: "b", counter: 1), L("s3", owner: "b", counter: 1), L("s4", owner: "b", counter: 1)]);

        Assert.Empty(plan.ToRequest);
    }

    [Fact]
    public void Balanced_workers_leave_each_other_alone()
    {
        var plan = Plan("a", [L("s1", owner: "a", counter: 1), L("s2", owner: "b", counter: 1), L("s3", owner: "b", counter: 1)]);

        Assert.Empty(plan.ToTake);
        Assert.Empty(plan.ToRequest);
    }

    [Fact]
    public void Finished_leases_are_never_taken()
    {
        Assert.Empty(Plan("a", [L("s1", checkpoint: Checkpoints.ShardEnd)]).ToTake);
    }

    [Fact]
    public void A_holder_stops_acting_before_any_taker_could_consider_the_lease_expired()
    {
        var renewedAt = T0;
        var margin = TimeSpan.FromSeconds(2);

        Assert.True(LeasePlanner.IsHolderValid(renewedAt, renewedAt + Duration - margin - TimeSpan.FromMilliseconds(1), Duration, margin));
        Assert.False(LeasePlanner.IsHolderValid(renewedAt, renewedAt + Duration - margin, Duration, margin));
    }
}
