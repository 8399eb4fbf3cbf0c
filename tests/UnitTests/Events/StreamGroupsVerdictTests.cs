using Events.Worker.Publishing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace UnitTests.Events;

/// <summary>Consumer group positions → the worker's health (<see cref="StreamGroupsVerdict"/>): a cap of 1,000 entries.</summary>
public sealed class StreamGroupsVerdictTests
{
    private const long Cap = 1_000;

    private static StreamEntryId Id(ulong ms, ulong seq = 0) => new(ms, seq);

    /// <summary>A stream of 1,000 entries from 1000-0 to 1999-0, of which 500 were trimmed (up to 999-0).</summary>
    private static StreamGroupState Group(StreamEntryId lastDelivered, long? lag, StreamEntryId? oldestPending = null, string name = "billing") =>
        new("events:payments", name, 1_000, Id(1000), Id(1999), Id(999), lastDelivered, lag, oldestPending);

    private static HealthCheckResult Assess(params StreamGroupState[] groups) => StreamGroupsVerdict.Assess(groups, Cap, HealthStatus.Degraded);

    [Fact]
    public void Without_groups_or_with_groups_that_keep_up_the_worker_is_healthy()
    {
        Assert.Equal(HealthStatus.Healthy, Assess().Status);
        Assert.Equal(HealthStatus.Healthy, Assess(Group(Id(1999), lag: 0), Group(Id(1500), lag: 499, name: "search")).Status);
    }

    [Fact]
    public void A_group_lagging_past_80_percent_of_the_cap_degrades_the_worker_and_is_named()
    {
        var result = Assess(Group(Id(1999), lag: 0), Group(Id(1199), lag: 800, name: "search"));

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("search of events:payments lags 800 entries", result.Description, StringComparison.Ordinal);
        Assert.Equal(800L, result.Data["lag:events:payments:search"]);
    }

    [Fact]
    public void A_group_whose_unread_entries_were_trimmed_is_reported_as_having_lost_events()
    {
        // Redis counts the lag as the stream's length (or nil) once it trimmed across the group's unread entries.
        var result = Assess(Group(Id(500), lag: null));

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("billing of events:payments has lost events", result.Description, StringComparison.Ordinal);
        Assert.Contains("read to 500-0, the stream now starts at 1000-0", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_group_whose_pending_entries_were_trimmed_is_reported_as_having_lost_events_although_it_has_read_everything()
    {
        var result = Assess(Group(Id(1999), lag: 0, oldestPending: Id(900)));

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("read but not acknowledged (from 900-0)", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_group_reading_from_the_start_of_a_stream_that_was_never_trimmed_has_lost_nothing()
    {
        var group = new StreamGroupState("events:carts", "replay", 10, Id(1000), Id(1009), StreamEntryId.Zero, StreamEntryId.Zero, Lag: 10, OldestPending: null);

        Assert.False(group.LostUnread);
        Assert.Equal(HealthStatus.Healthy, Assess(group).Status);
    }

    [Theory]
    [InlineData(19_990L, 0L)]   // read to the end: what Redis counted after the trim is gone
    public void A_group_that_has_read_to_the_end_lags_nothing_whatever_redis_counts(long redisLag, long expected) =>
        Assert.Equal(expected, Group(Id(1999), lag: redisLag).EstimatedLag);

    [Fact]
    public void Redis_lag_counts_at_most_the_entries_the_stream_still_holds() =>
        Assert.Equal(1_000, Group(Id(1200), lag: 5_000).EstimatedLag);

    [Theory]
    [InlineData(1999UL, 0L)]    // read to the end
    [InlineData(1499UL, 501L)]  // half the stream's time span still to read
    [InlineData(999UL, 1000L)]  // before the stream (and trimmed past)
    public void Where_redis_reports_no_lag_it_is_estimated_from_the_group_position_in_the_stream(ulong lastDelivered, long expected) =>
        Assert.Equal(expected, Group(Id(lastDelivered), lag: null).EstimatedLag);

    [Theory]
    [InlineData("1700000000000-3", 1700000000000UL, 3UL)]
    [InlineData("0-0", 0UL, 0UL)]
    [InlineData("42", 42UL, 0UL)]
    public void Entry_ids_parse_and_order_as_redis_orders_them(string text, ulong ms, ulong seq)
    {
        Assert.Equal(new StreamEntryId(ms, seq), StreamEntryId.Parse(text));
        Assert.True(Id(5, 10) < Id(6, 0));
        Assert.Null(StreamEntryId.Parse(null));
    }
}
