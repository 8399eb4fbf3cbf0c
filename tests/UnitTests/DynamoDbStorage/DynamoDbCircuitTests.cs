using DynamoDbStorage;
using DynamoDbStorage.Resilience;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace UnitTests.DynamoDbStorage;

public class DynamoDbCircuitTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));
    private readonly DynamoDbCircuit _circuit;

    public DynamoDbCircuitTests() => _circuit = new DynamoDbCircuit(
        Options.Create(new DynamoDbOptions
        {
            BreakMinimumCalls = 3,
            BreakNoAnswerShare = 0.5,
            ObservationWindow = TimeSpan.FromSeconds(20),
            BreakDuration = TimeSpan.FromSeconds(5),
        }),
        _clock,
        NullLogger<DynamoDbCircuit>.Instance);

    [Fact]
    public void Enough_calls_left_unanswered_open_it_and_calls_are_refused_for_the_break()
    {
        NoAnswers(2);
        Assert.True(_circuit.Enter().Allowed); // too few calls to judge
        NoAnswers(1);

        var refused = _circuit.Enter();
        Assert.False(refused.Allowed);
        Assert.Equal(TimeSpan.FromSeconds(5), refused.RetryAfter);
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.FromSeconds(3), _circuit.Enter().RetryAfter);
    }

    [Fact]
    public void A_burst_of_unanswered_calls_among_more_answered_ones_does_not_open_it()
    {
        // Under load or throttling slow calls time out together while the rest are answered: 5 in a row opened the old streak breaker.
        Answers(12);
        NoAnswers(6);
        Answers(2);
        NoAnswers(4);

        Assert.True(_circuit.Enter().Allowed);
    }

    [Fact]
    public void Answered_calls_age_out_of_the_window_so_a_stall_after_busy_traffic_still_opens_it()
    {
        Answers(100);
        _clock.Advance(TimeSpan.FromSeconds(10));
        NoAnswers(3);
        Assert.True(_circuit.Enter().Allowed);

        _clock.Advance(TimeSpan.FromSeconds(11)); // the answers are now older than the window
        NoAnswers(1);

        Assert.False(_circuit.Enter().Allowed);
    }

    [Fact]
    public void After_the_break_one_probe_goes_through_and_its_answer_closes_it()
    {
        NoAnswers(3);
        _clock.Advance(TimeSpan.FromSeconds(6));

        var probe = _circuit.Enter();
        Assert.True(probe.Allowed);
        Assert.True(probe.IsProbe);
        Assert.False(_circuit.Enter().Allowed); // one probe at a time
        _circuit.RecordAnswer();
        Assert.Equal(new(true, false, TimeSpan.Zero), _circuit.Enter());
        Assert.True(_circuit.Enter().Allowed);
    }

    [Fact]
    public void Once_closed_the_unanswered_calls_of_the_stall_no_longer_count()
    {
        NoAnswers(3);
        _clock.Advance(TimeSpan.FromSeconds(6));
        Assert.True(_circuit.Enter().IsProbe);
        _circuit.RecordAnswer();

        NoAnswers(2);

        Assert.True(_circuit.Enter().Allowed);
    }

    [Fact]
    public void A_probe_left_unanswered_opens_it_for_another_break()
    {
        NoAnswers(3);
        _clock.Advance(TimeSpan.FromSeconds(6));
        Assert.True(_circuit.Enter().Allowed);

        _circuit.RecordNoAnswer(probe: true);

        var refused = _circuit.Enter();
        Assert.False(refused.Allowed);
        Assert.Equal(TimeSpan.FromSeconds(5), refused.RetryAfter);
    }

    [Fact]
    public void Calls_that_were_already_on_their_way_and_end_unanswered_do_not_extend_the_break()
    {
        NoAnswers(3);
        _clock.Advance(TimeSpan.FromSeconds(4));
        NoAnswers(2); // stragglers sent before it opened

        var refused = _circuit.Enter();
        Assert.False(refused.Allowed);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.RetryAfter);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(_circuit.Enter().IsProbe); // the probe, one break after it opened
    }

    [Fact]
    public void A_call_sent_before_it_opened_that_ends_unanswered_after_the_break_does_not_open_it_again()
    {
        NoAnswers(3);
        _clock.Advance(TimeSpan.FromSeconds(6)); // the break is over and no probe has gone yet
        NoAnswers(1); // a straggler: attempts may wait up to the 10 s cap, longer than the break

        Assert.True(_circuit.Enter().IsProbe); // the probe goes now, not after another break
    }

    [Fact]
    public void Calls_that_end_unanswered_while_the_probe_is_out_are_not_taken_for_the_probe()
    {
        NoAnswers(3);
        _clock.Advance(TimeSpan.FromSeconds(6));
        Assert.True(_circuit.Enter().IsProbe);

        NoAnswers(2); // stragglers ending while the probe is out

        Assert.False(_circuit.Enter().Allowed); // still the one probe out
        _circuit.RecordAnswer(); // its answer
        Assert.True(_circuit.Enter().Allowed); // closes the circuit
    }

    [Fact]
    public void A_probe_whose_caller_gave_up_is_given_back_and_the_next_call_probes()
    {
        NoAnswers(3);
        _clock.Advance(TimeSpan.FromSeconds(6));
        Assert.True(_circuit.Enter().IsProbe);
        Assert.False(_circuit.Enter().Allowed);

        _circuit.ProbeAbandoned(); // its request was aborted before DynamoDB answered or the attempt timed out

        Assert.True(_circuit.Enter().IsProbe); // before, the probe stayed out for good and every call was refused
    }

    private void Answers(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _circuit.RecordAnswer();
        }
    }

    private void NoAnswers(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _circuit.RecordNoAnswer(probe: false);
        }
    }
}
