using Bench.Resilience.Faults;

namespace Bench.Resilience;

/// <summary>One fault of the run: the load before it, while it was on, and after it, and what proves it happened.</summary>
internal sealed record FaultRun(IFault Fault, WindowStats Before, WindowStats During, WindowStats After, FaultOutcome Outcome);

/// <summary>How long each stretch of the run lasts.</summary>
/// <param name="WarmUpLimit">The longest warm-up: load in windows of <see cref="WarmUpWindow"/> until one answers steadily (<see cref="SteadyP95"/>).</param>
internal sealed record SuiteTimings(TimeSpan Baseline, TimeSpan Hold, TimeSpan After, TimeSpan WarmUpLimit)
{
    /// <summary>One warm-up window.</summary>
    public static readonly TimeSpan WarmUpWindow = TimeSpan.FromSeconds(5);

    /// <summary>A warm-up window whose requests' p95 is under this ends the warm-up: the load is answered steadily.</summary>
    public static readonly TimeSpan SteadyP95 = TimeSpan.FromMilliseconds(250);

    public static SuiteTimings Full { get; } = new(TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(12), TimeSpan.FromSeconds(20), TimeSpan.FromMinutes(2));

    public static SuiteTimings Quick { get; } = new(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30));
}
