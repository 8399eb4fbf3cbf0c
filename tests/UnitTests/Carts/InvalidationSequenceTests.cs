using Cart.Api.Caching;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace UnitTests.Carts;

public class InvalidationSequenceTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly InvalidationSequence _sequence = new();

    [Fact]
    public async Task Nothing_is_proven_before_the_sequence_is_synchronized()
    {
        _sequence.Advance(5);

        Assert.False(_sequence.IsSynchronized);
        Assert.False(_sequence.IsGap(9));
        Assert.False(await _sequence.WaitForAsync(0, Bound, TimeProvider.System, default));
    }

    [Fact]
    public async Task A_reader_waits_until_the_message_announced_before_it_arrived_is_applied()
    {
        _sequence.Synchronize(10);
        var reader = _sequence.WaitForAsync(12, Bound, TimeProvider.System, default);

        _sequence.Advance(11);
        await Task.Yield();
        Assert.False(reader.IsCompleted);
        _sequence.Advance(12);

        Assert.True(await reader);
        Assert.True(await _sequence.WaitForAsync(12, Bound, TimeProvider.System, default));
    }

    [Fact]
    public void A_skipped_number_is_a_gap_and_numbers_already_passed_are_not()
    {
        _sequence.Synchronize(10);

        Assert.False(_sequence.IsGap(11));
        Assert.False(_sequence.IsGap(3));
        Assert.True(_sequence.IsGap(12));
    }

    [Fact]
    public async Task A_message_that_never_arrives_ends_the_wait_at_the_bound()
    {
        var clock = new FakeTimeProvider();
        _sequence.Synchronize(10);
        var reader = _sequence.WaitForAsync(11, TimeSpan.FromMilliseconds(300), clock, default);
        Assert.False(reader.IsCompleted);

        clock.Advance(TimeSpan.FromMilliseconds(300));

        Assert.False(await reader);
    }

    [Fact]
    public async Task A_dropped_subscription_releases_waiting_readers_unproven()
    {
        _sequence.Synchronize(10);
        var reader = _sequence.WaitForAsync(11, Bound, TimeProvider.System, default);

        _sequence.Desynchronize();
        _sequence.Advance(11);

        Assert.False(await reader);
        Assert.False(_sequence.IsSynchronized);
    }
}
