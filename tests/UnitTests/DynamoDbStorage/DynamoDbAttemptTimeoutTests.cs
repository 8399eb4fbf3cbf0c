using DynamoDbStorage;
using DynamoDbStorage.Resilience;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace UnitTests.DynamoDbStorage;

public class DynamoDbAttemptTimeoutTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));
    private readonly DynamoDbAttemptTimeout _timeout;

    public DynamoDbAttemptTimeoutTests() => _timeout = new DynamoDbAttemptTimeout(
        Options.Create(new DynamoDbOptions
        {
            AttemptTimeout = TimeSpan.FromSeconds(5),
            AttemptTimeoutCap = TimeSpan.FromSeconds(30),
            AttemptTimeoutFactor = 3,
            ObservationWindow = TimeSpan.FromSeconds(20),
        }),
        _clock);

    [Fact]
    public void With_nothing_answered_yet_an_attempt_gets_the_floor()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), _timeout.Current);
    }

    [Fact]
    public void Quick_answers_keep_the_floor()
    {
        Answered(TimeSpan.FromMilliseconds(20), 200);

        Assert.Equal(TimeSpan.FromSeconds(5), _timeout.Current);
    }

    [Fact]
    public void Slow_answers_raise_it_to_the_factor_times_their_99th_percentile()
    {
        Answered(TimeSpan.FromMilliseconds(20), 98);
        Answered(TimeSpan.FromSeconds(3), 2); // 2 of 100: the 99th percentile is 3 s

        Assert.Equal(TimeSpan.FromSeconds(9), _timeout.Current);
    }

    [Fact]
    public void The_slowest_one_percent_does_not_set_it()
    {
        Answered(TimeSpan.FromSeconds(2), 199);
        Answered(TimeSpan.FromSeconds(20), 1);

        Assert.Equal(TimeSpan.FromSeconds(6), _timeout.Current);
    }

    [Fact]
    public void The_99th_percentile_is_the_nearest_rank_among_the_slow_answers_the_quick_ones_leave()
    {
        Answered(TimeSpan.FromMilliseconds(20), 90);
        for (var i = 0; i < 10; i++)
        {
            _timeout.RecordAnswered(TimeSpan.FromMilliseconds(2_700 - (100 * i))); // 2.7 s down to 1.8 s
        }

        Assert.Equal(TimeSpan.FromMilliseconds(3 * 2_600), _timeout.Current); // the 99th of 100: the second slowest
    }

    [Fact]
    public void It_never_exceeds_the_cap()
    {
        Answered(TimeSpan.FromSeconds(25), 10);

        Assert.Equal(TimeSpan.FromSeconds(30), _timeout.Current);
    }

    [Fact]
    public void Slow_answers_older_than_the_window_no_longer_count()
    {
        Answered(TimeSpan.FromSeconds(4), 10);
        _clock.Advance(TimeSpan.FromSeconds(15));
        Answered(TimeSpan.FromMilliseconds(30), 10);
        Assert.Equal(TimeSpan.FromSeconds(12), _timeout.Current);

        _clock.Advance(TimeSpan.FromSeconds(6));

        Assert.Equal(TimeSpan.FromSeconds(5), _timeout.Current);
    }

    [Fact]
    public void A_call_left_unanswered_since_the_last_answer_brings_it_back_to_the_floor_until_DynamoDB_answers_again()
    {
        Answered(TimeSpan.FromSeconds(3), 10);
        Assert.Equal(TimeSpan.FromSeconds(9), _timeout.Current);

        _timeout.RecordUnanswered(); // silent, not slow: a stall right after a slow spell
        Assert.Equal(TimeSpan.FromSeconds(5), _timeout.Current);

        Answered(TimeSpan.FromSeconds(3), 1);
        Assert.Equal(TimeSpan.FromSeconds(9), _timeout.Current);
    }

    [Fact]
    public void The_probe_of_an_open_circuit_gets_the_cap_so_a_DynamoDB_that_slowed_down_at_a_stroke_can_answer_it()
    {
        Answered(TimeSpan.FromMilliseconds(20), 50);

        Assert.Equal(TimeSpan.FromSeconds(30), _timeout.ForProbe);
        Assert.Equal(TimeSpan.FromSeconds(5), _timeout.Current);
    }

    private void Answered(TimeSpan latency, int count)
    {
        for (var i = 0; i < count; i++)
        {
            _timeout.RecordAnswered(latency);
        }
    }
}
