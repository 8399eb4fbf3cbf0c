using Bench.Resilience.Faults;

namespace Bench.Resilience;

/// <summary>One fault of the run: the load before it, while it was on, and after it, and what proves it happened.</summary>
internal sealed record FaultRun(IFault Fault, WindowStats Before, WindowStats During, WindowStats After, FaultOutcome Outcome);

/// <summary>How long each stretch of the run lasts.</summary>
internal sealed record SuiteTimings(TimeSpan Baseline, TimeSpan Hold, TimeSpan After)
{
    public static SuiteTimings Full { get; } = new(TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(12), TimeSpan.FromSeconds(20));

    public static SuiteTimings Quick { get; } = new(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
}
