using System.Diagnostics;

namespace UnitTests.Events;

/// <summary>Waits on a condition rather than for a time: for tests of work that runs on tasks of its own.</summary>
internal static class Eventually
{
    /// <summary>Returns once <paramref name="condition"/> holds; fails the test when it has not within <paramref name="patience"/> (real time).</summary>
    public static async Task HoldsAsync(Func<bool> condition, TimeSpan patience)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < patience, "The condition did not hold in time.");
            await Task.Delay(10);
        }
    }
}
