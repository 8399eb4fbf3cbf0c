using Cart.Api;
using Cart.Api.Caching;
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
        _breaker.RecordFailure();
        Assert.True(_breaker.TryEnter());
        _breaker.RecordFailure();

        Assert.False(_breaker.TryEnter());
        Assert.True(_breaker.IsOpen);
    }

    [Fact]
    public void After_the_open_period_one_probe_goes_through_and_success_closes_it()
    {
        _breaker.RecordFailure();
        _breaker.RecordFailure();
        _clock.Advance(TimeSpan.FromSeconds(3));

        Assert.True(_breaker.TryEnter());
        Assert.False(_breaker.TryEnter()); // only one probe at a time
        _breaker.RecordSuccess();
        Assert.True(_breaker.TryEnter());
    }

    [Fact]
    public void Entries_cached_before_redis_came_back_are_no_longer_trusted()
    {
        Assert.Equal(0, _breaker.TrustCachedAfter);
        _breaker.RecordFailure();
        _clock.Advance(TimeSpan.FromSeconds(5));

        _breaker.RecordSuccess();

        Assert.Equal(_clock.GetUtcNow().ToUnixTimeMilliseconds(), _breaker.TrustCachedAfter);
    }
}
