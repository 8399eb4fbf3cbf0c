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
        Options.Create(new DynamoDbOptions { BreakAfterNoAnswers = 3, BreakDuration = TimeSpan.FromSeconds(5) }),
        _clock,
        NullLogger<DynamoDbCircuit>.Instance);

    [Fact]
    public void Calls_left_unanswered_in_a_row_open_it_and_calls_are_refused_for_the_break()
    {
        NoAnswers(2);
        Assert.True(_circuit.TryEnter(out _));
        NoAnswers(1);

        Assert.False(_circuit.TryEnter(out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(5), retryAfter);
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.False(_circuit.TryEnter(out retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(3), retryAfter);
    }

    [Fact]
    public void Any_answer_resets_the_count_errors_included()
    {
        NoAnswers(2);
        _circuit.RecordAnswer();
        NoAnswers(2);

        Assert.True(_circuit.TryEnter(out _));
    }

    [Fact]
    public void After_the_break_one_probe_goes_through_and_its_answer_closes_it()
    {
        NoAnswers(3);
        _clock.Advance(TimeSpan.FromSeconds(6));

        Assert.True(_circuit.TryEnter(out _));
        Assert.False(_circuit.TryEnter(out _)); // one probe at a time
        _circuit.RecordAnswer();
        Assert.True(_circuit.TryEnter(out _));
        Assert.True(_circuit.TryEnter(out _));
    }

    [Fact]
    public void A_probe_left_unanswered_opens_it_for_another_break()
    {
        NoAnswers(3);
        _clock.Advance(TimeSpan.FromSeconds(6));
        Assert.True(_circuit.TryEnter(out _));

        _circuit.RecordNoAnswer();

        Assert.False(_circuit.TryEnter(out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(5), retryAfter);
    }

    [Fact]
    public void Calls_that_were_already_on_their_way_and_end_unanswered_do_not_extend_the_break()
    {
        NoAnswers(3);
        _clock.Advance(TimeSpan.FromSeconds(4));
        NoAnswers(2); // stragglers sent before it opened

        Assert.False(_circuit.TryEnter(out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(1), retryAfter);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(_circuit.TryEnter(out _)); // the probe, one break after it opened
    }

    private void NoAnswers(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _circuit.RecordNoAnswer();
        }
    }
}
