using Cart.Api;
using Cart.Api.Caching;
using CircuitBreaking;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace UnitTests.Carts;

public class CacheBreakerTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly CacheBreaker _breaker;

    public CacheBreakerTests() =>
        _breaker = new CacheBreaker(Options.Create(new CartOptions { CacheBreakerFailures = 2, CacheBreakerOpenFor = TimeSpan.FromSeconds(2) }), _clock);

    [Fact]
    public void Consecutive_failures_open_the_breaker_so_requests_skip_redis()
    {
        _breaker.RecordFailure(_breaker.Enter());
        _breaker.RecordFailure(_breaker.Enter());

        Assert.False(_breaker.Enter().Allowed);
        Assert.True(_breaker.IsOpen);
    }

    [Fact]
    public void Redis_not_connected_counts_towards_the_streak()
    {
        _breaker.RecordUnreachable();
        _breaker.RecordUnreachable();

        Assert.False(_breaker.Enter().Allowed);
    }

    [Fact]
    public void After_the_open_period_one_probe_goes_through_and_success_closes_it()
    {
        Open();
        _clock.Advance(TimeSpan.FromSeconds(3));

        Assert.True(_breaker.Enter().IsProbe);
        Assert.False(_breaker.Enter().Allowed); // only one probe at a time
        _breaker.RecordSuccess();
        Assert.Equal(CircuitEntry.Closed, _breaker.Enter());
    }

    [Fact]
    public void A_call_sent_before_it_opened_that_fails_while_the_probe_is_out_is_not_taken_for_the_probe()
    {
        var straggler = _breaker.Enter();
        Open();
        _clock.Advance(TimeSpan.FromSeconds(3));
        var probe = _breaker.Enter();

        _breaker.RecordFailure(straggler);
        _clock.Advance(TimeSpan.FromSeconds(3));
        Assert.False(_breaker.Enter().Allowed); // the probe is still out, a break later: the straggler neither ended nor replaced it

        _breaker.RecordSuccess();
        Assert.True(probe.IsProbe);
        Assert.Equal(CircuitEntry.Closed, _breaker.Enter());
    }

    [Fact]
    public void The_probes_failure_opens_it_for_another_break()
    {
        Open();
        _clock.Advance(TimeSpan.FromSeconds(3));

        _breaker.RecordFailure(_breaker.Enter());

        Assert.False(_breaker.Enter().Allowed);
        _clock.Advance(TimeSpan.FromSeconds(3));
        Assert.True(_breaker.Enter().IsProbe);
    }

    [Fact]
    public void A_probe_that_ended_without_a_verdict_is_given_back_so_the_next_call_probes()
    {
        Open();
        _clock.Advance(TimeSpan.FromSeconds(3));

        _breaker.Abandon(_breaker.Enter());

        Assert.True(_breaker.Enter().IsProbe);
    }

    [Fact]
    public void Entries_cached_before_redis_came_back_are_no_longer_trusted()
    {
        Assert.Equal(0, _breaker.TrustCachedAfter);
        _breaker.RecordFailure(_breaker.Enter());
        _clock.Advance(TimeSpan.FromSeconds(5));

        _breaker.RecordSuccess();

        Assert.Equal(_clock.GetUtcNow().ToUnixTimeMilliseconds(), _breaker.TrustCachedAfter);
    }

    private void Open()
    {
        _breaker.RecordFailure(_breaker.Enter());
        _breaker.RecordFailure(_breaker.Enter());
        Assert.True(_breaker.IsOpen);
    }
}
