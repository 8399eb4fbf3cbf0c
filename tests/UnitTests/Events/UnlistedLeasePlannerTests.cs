using DynamoDbStreams.Client;
using DynamoDbStreams.Leases;

namespace UnitTests.Events;

public sealed class UnlistedLeasePlannerTests
{
    private const string Current = "arn:aws:dynamodb:us-east-1:123456789012:table/carts/stream/2026-01-15T10:20:00.000";
    private const string Former = "arn:aws:dynamodb:us-east-1:123456789012:table/carts/stream/2025-12-01T08:00:00.000";
    private const string OtherTables = "arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2025-12-01T08:00:00.000";
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(5);
    private static readonly DateTimeOffset T0 = new(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> CartsListsCurrent =
        new Dictionary<string, IReadOnlySet<string>> { ["carts"] = new HashSet<string> { Current } };

    private static Lease L(string streamArn, string shard, string? owner = null, long counter = 0, string checkpoint = Checkpoints.TrimHorizon) =>
        new(Lease.KeyOf(streamArn, shard), streamArn, shard, null, owner, counter, checkpoint);

    private static UnlistedLeasePlan Plan(
        IReadOnlyList<Lease> leases,
        IReadOnlyDictionary<string, LeaseObservation>? seen = null,
        DateTimeOffset? now = null,
        IReadOnlyDictionary<string, IReadOnlySet<string>>? listed = null,
        IReadOnlySet<string>? heldHere = null,
        TimeSpan? grace = null) =>
        UnlistedLeasePlanner.Plan(leases, listed ?? CartsListsCurrent, heldHere ?? new HashSet<string>(), seen ?? new Dictionary<string, LeaseObservation>(),
            now ?? T0, Duration, grace ?? Grace);

    [Fact]
    public void A_lease_of_an_unlisted_stream_is_deleted_once_it_stood_still_for_the_grace()
    {
        var lease = L(Former, "s1", owner: "gone", counter: 7, checkpoint: "42");
        var first = Plan([lease]);

        Assert.Empty(first.ToDelete);
        Assert.Empty(Plan([lease], first.Observations, T0 + Grace - TimeSpan.FromSeconds(1)).ToDelete);
        Assert.Equal([lease], Plan([lease], first.Observations, T0 + Grace).ToDelete);
    }

    [Fact]
    public void A_lease_whose_counter_moved_is_observed_afresh_whatever_its_stream()
    {
        var first = Plan([L(Former, "s1", owner: "b", counter: 7)]);

        var later = Plan([L(Former, "s1", owner: "b", counter: 8)], first.Observations, T0 + Grace);

        Assert.Empty(later.ToDelete);
        Assert.Equal(T0 + Grace, later.Observations[Lease.KeyOf(Former, "s1")].FirstSeenAt);
    }

    [Fact]
    public void No_grace_still_waits_a_whole_lease_duration_so_a_live_holder_renews_first()
    {
        var lease = L(Former, "s1", owner: "b", counter: 7);
        var first = Plan([lease], grace: TimeSpan.Zero);

        Assert.Empty(first.ToDelete);
        Assert.Empty(Plan([lease], first.Observations, T0 + Duration - TimeSpan.FromMilliseconds(1), grace: TimeSpan.Zero).ToDelete);
        Assert.Equal([lease], Plan([lease], first.Observations, T0 + Duration, grace: TimeSpan.Zero).ToDelete);
    }

    [Fact]
    public void A_stream_listed_again_starts_its_wait_over()
    {
        var lease = L(Former, "s1", checkpoint: Checkpoints.ShardEnd);
        var first = Plan([lease]);
        var listedAgain = Plan([lease], first.Observations, T0 + TimeSpan.FromMinutes(1),
            new Dictionary<string, IReadOnlySet<string>> { ["carts"] = new HashSet<string> { Current, Former } });

        Assert.Empty(listedAgain.Observations);
        Assert.Empty(Plan([lease], listedAgain.Observations, T0 + Grace).ToDelete);
    }

    [Fact]
    public void Leases_of_listed_streams_of_tables_not_listed_and_held_here_are_never_judged()
    {
        var leases = new[] { L(Current, "s1"), L(OtherTables, "s2"), L("not-an-arn", "s3"), L(Former, "s4", owner: "me", counter: 3) };
        var first = Plan(leases, heldHere: new HashSet<string> { Lease.KeyOf(Former, "s4") });

        var later = Plan(leases, first.Observations, T0 + Grace, heldHere: new HashSet<string> { Lease.KeyOf(Former, "s4") });

        Assert.Empty(later.ToDelete);
        Assert.Empty(later.Observations);
    }

    [Fact]
    public void A_table_whose_listing_failed_is_not_judged()
    {
        var lease = L(Current, "s1", counter: 4, checkpoint: "17");

        // No listing of carts (it failed): not the same as a listing of no stream.
        var failed = Plan([lease], listed: new Dictionary<string, IReadOnlySet<string>>());
        var none = Plan([lease], listed: new Dictionary<string, IReadOnlySet<string>> { ["carts"] = new HashSet<string>() });

        Assert.Empty(failed.Observations);
        Assert.Single(none.Observations);
    }

    [Theory]
    [InlineData("arn:aws:dynamodb:us-east-1:123456789012:table/carts/stream/2026-01-15T10:20:00.000", "carts")]
    [InlineData("arn:aws-cn:dynamodb:cn-north-1:123456789012:table/my.table_1-x/stream/2026-01-15T10:20:00.000", "my.table_1-x")]
    [InlineData("arn:aws:dynamodb:ddblocal:000000000000:table/payments/stream/2026-01-15T10:20:00.000", "payments")]
    [InlineData("arn:aws:dynamodb:us-east-1:123456789012:table/carts", null)]
    [InlineData("arn:aws:kinesis:us-east-1:123456789012:stream/carts", null)]
    [InlineData("carts", null)]
    public void A_stream_arn_names_its_table(string streamArn, string? table) => Assert.Equal(table, StreamArns.TableOf(streamArn));
}
