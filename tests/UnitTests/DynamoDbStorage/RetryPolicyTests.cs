using DynamoDbStorage.Retries;
using Microsoft.Extensions.Time.Testing;

namespace UnitTests.DynamoDbStorage;

public class RetryPolicyTests
{
    private static readonly RetryPolicy Policy = new(
        new Backoff(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(100)),
        new Backoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1)));

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 40)]
    [InlineData(4, 80)]
    [InlineData(5, 100)]
    [InlineData(40, 100)]
    [InlineData(int.MaxValue, 100)]
    public void The_ceiling_doubles_per_attempt_up_to_its_maximum(int attempt, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), Policy.Ceiling(attempt, throttled: false));

    [Fact]
    public void Throttling_waits_ten_times_longer_than_contention()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(100), Policy.Ceiling(1, throttled: true));
        Assert.Equal(TimeSpan.FromSeconds(1), Policy.Ceiling(9, throttled: true));
    }

    [Fact]
    public void A_pause_is_jittered_under_its_ceiling_and_never_below_a_millisecond()
    {
        var ceiling = TimeSpan.FromMilliseconds(80);

        Assert.Equal(TimeSpan.FromMilliseconds(1), RetryPolicy.Jitter(ceiling, 0));
        Assert.Equal(TimeSpan.FromMilliseconds(40), RetryPolicy.Jitter(ceiling, 0.5));
        Assert.True(RetryPolicy.Jitter(ceiling, 0.999999) < ceiling);
        var pauses = Enumerable.Range(0, 200).Select(_ => Policy.DelayAfter(4, throttled: false)).ToList();
        Assert.All(pauses, pause => Assert.InRange(pause, TimeSpan.FromMilliseconds(1), ceiling));
        Assert.True(pauses.Distinct().Count() > 10, "the pauses are not spread out");
    }

    [Fact]
    public void A_run_bounded_by_attempts_stops_after_the_last_one()
    {
        var run = (Policy with { MaxAttempts = 3 }).Start(_clock);

        Assert.True(run.MayRetryAfter(1));
        Assert.True(run.MayRetryAfter(2));
        Assert.False(run.MayRetryAfter(3));
    }

    [Fact]
    public void A_run_bounded_by_a_budget_stops_once_the_clock_passes_it()
    {
        var run = (Policy with { Budget = TimeSpan.FromSeconds(10) }).Start(_clock);

        _clock.Advance(TimeSpan.FromSeconds(9.999));
        Assert.True(run.MayRetryAfter(500));
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(run.MayRetryAfter(501));
    }

    [Fact]
    public void A_run_with_both_bounds_stops_at_whichever_comes_first()
    {
        var run = (Policy with { MaxAttempts = 5, Budget = TimeSpan.FromSeconds(10) }).Start(_clock);

        Assert.False(run.MayRetryAfter(5));
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.False(run.MayRetryAfter(1));
    }

    [Fact]
    public void An_unbounded_run_always_may_retry()
    {
        var run = Policy.Start(_clock);
        _clock.Advance(TimeSpan.FromDays(1));

        Assert.True(run.MayRetryAfter(10_000));
    }

    [Fact]
    public async Task A_pause_is_measured_on_the_run_s_clock()
    {
        var run = Policy.Start(_clock);

        var pause = run.PauseAsync(1, throttled: false, CancellationToken.None);
        Assert.False(pause.IsCompleted);
        _clock.Advance(Policy.Ceiling(1, throttled: false));

        await pause.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
