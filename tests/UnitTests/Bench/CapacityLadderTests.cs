using Bench;
using Xunit;

namespace UnitTests.Bench;

public class CapacityLadderTests
{
    private static readonly TimeSpan P95Target = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task A_rate_that_fails_once_is_measured_again_and_counts_when_the_repeat_sustains_it()
    {
        var outcomes = new Queue<bool>([false, true]);
        var steps = new List<LoadResult>();

        Assert.True(await OpenLoopLoad.ClimbAsync(steps, 100, rate => Measure(rate, outcomes.Dequeue()), P95Target));

        Assert.Equal([false, true], steps.Select(step => step.Sustains(P95Target)));
    }

    [Fact]
    public async Task A_rate_that_fails_twice_ends_the_climb_and_a_sustained_one_is_measured_once()
    {
        var outcomes = new Queue<bool>([true, false, false]);
        var steps = new List<LoadResult>();

        Assert.True(await OpenLoopLoad.ClimbAsync(steps, 100, rate => Measure(rate, outcomes.Dequeue()), P95Target));
        Assert.False(await OpenLoopLoad.ClimbAsync(steps, 200, rate => Measure(rate, outcomes.Dequeue()), P95Target));

        Assert.Equal([100.0, 200, 200], steps.Select(step => step.OfferedRate));
        Assert.Empty(outcomes);
    }

    private static Task<LoadResult> Measure(double rate, bool sustained)
    {
        var latency = new LatencyHistogram();
        latency.Record(TimeSpan.FromMilliseconds(sustained ? 5 : 900));
        return Task.FromResult(new LoadResult("test", rate, (long)rate, rate, 0, latency));
    }
}
