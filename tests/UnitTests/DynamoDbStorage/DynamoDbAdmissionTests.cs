using DynamoDbStorage;
using DynamoDbStorage.Resilience;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace UnitTests.DynamoDbStorage;

public class DynamoDbAdmissionTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Calls_up_to_the_capacity_enter_at_once_and_give_their_slot_back_when_done()
    {
        using var admission = Admission(capacity: 2);

        var first = await admission.TryEnterAsync(CancellationToken.None);
        var second = await admission.TryEnterAsync(CancellationToken.None);
        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.Equal(2, admission.InFlight);

        first.Dispose();
        second.Dispose();
        Assert.Equal(0, admission.InFlight);
    }

    [Fact]
    public async Task A_call_finding_every_slot_taken_is_shed_once_the_admission_wait_has_passed()
    {
        using var admission = Admission(capacity: 1, wait: TimeSpan.FromMilliseconds(500));
        using var held = await admission.TryEnterAsync(CancellationToken.None);

        var waiting = admission.TryEnterAsync(CancellationToken.None).AsTask();
        _clock.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(waiting.IsCompleted);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Null(await waiting);
        Assert.Equal(1, admission.InFlight); // the shed call took nothing
    }

    [Fact]
    public async Task A_waiting_call_enters_when_a_slot_is_given_back_within_the_wait()
    {
        using var admission = Admission(capacity: 1, wait: TimeSpan.FromSeconds(1));
        var held = await admission.TryEnterAsync(CancellationToken.None);

        var waiting = admission.TryEnterAsync(CancellationToken.None).AsTask();
        _clock.Advance(TimeSpan.FromMilliseconds(300));
        held!.Dispose();

        using var entered = await waiting;
        Assert.NotNull(entered);
        Assert.Equal(1, admission.InFlight);
    }

    [Fact]
    public async Task A_call_beyond_the_queue_is_shed_at_once_while_the_queued_ones_wait()
    {
        using var admission = Admission(capacity: 1, queued: 2);
        using var held = await admission.TryEnterAsync(CancellationToken.None);
        var queued = new[] { admission.TryEnterAsync(CancellationToken.None).AsTask(), admission.TryEnterAsync(CancellationToken.None).AsTask() };

        var beyond = admission.TryEnterAsync(CancellationToken.None).AsTask();

        Assert.True(beyond.IsCompleted);
        Assert.Null(await beyond);
        Assert.All(queued, waiting => Assert.False(waiting.IsCompleted));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.All(await Task.WhenAll(queued), Assert.Null);
    }

    [Fact]
    public async Task A_waiting_call_whose_caller_gives_up_throws_rather_than_counting_as_shed()
    {
        using var admission = Admission(capacity: 1);
        using var held = await admission.TryEnterAsync(CancellationToken.None);
        using var caller = new CancellationTokenSource();

        var waiting = admission.TryEnterAsync(caller.Token).AsTask();
        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task A_call_finishing_work_enters_at_once_beyond_the_cap_and_a_full_queue_and_gives_its_place_back()
    {
        using var admission = Admission(capacity: 1, queued: 0);
        using var held = await admission.TryEnterAsync(CancellationToken.None);
        Assert.Null(await admission.TryEnterAsync(CancellationToken.None)); // new work is shed

        IDisposable? finishing;
        using (admission.FinishingWork())
        {
            finishing = await Task.Run(async () => await admission.TryEnterAsync(CancellationToken.None)); // flows into awaited work
        }

        Assert.NotNull(finishing);
        Assert.Equal(2, admission.InFlight);
        finishing.Dispose();
        finishing.Dispose();
        Assert.Equal(1, admission.InFlight);
        Assert.Null(await admission.TryEnterAsync(CancellationToken.None)); // the scope ended: shed again
    }

    [Fact]
    public async Task A_call_finishing_work_takes_a_free_slot_when_there_is_one_and_a_nested_scope_keeps_the_outer_one()
    {
        using var admission = Admission(capacity: 1, queued: 0);

        IDisposable? finishing;
        using (admission.FinishingWork())
        {
            using (admission.FinishingWork())
            {
            }

            finishing = await admission.TryEnterAsync(CancellationToken.None);
            Assert.Equal(1, admission.InFlight);
            using var beyond = await Task.Run(async () => await admission.TryEnterAsync(CancellationToken.None));
            Assert.NotNull(beyond); // still finishing after the nested scope ended: beyond the cap
        }

        Assert.NotNull(finishing);
        Assert.Null(await admission.TryEnterAsync(CancellationToken.None)); // the finishing call holds the one slot
        finishing.Dispose();
        Assert.Equal(0, admission.InFlight);
    }

    private DynamoDbAdmission Admission(int capacity, TimeSpan? wait = null, int queued = 16) =>
        new(Options.Create(new DynamoDbOptions { MaxCallsInFlight = capacity, MaxCallsQueued = queued, AdmissionWait = wait ?? TimeSpan.FromSeconds(1) }), _clock);
}
