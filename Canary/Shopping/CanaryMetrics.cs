using System.Diagnostics.Metrics;

namespace Canary.Shopping;

/// <summary>The canary's metrics: runs by outcome and the step they ended at, and how long runs and steps took.</summary>
internal sealed class CanaryMetrics : IDisposable
{
    /// <summary>The service's own meter name (ServiceDefaults exports the meter named after the application).</summary>
    public const string MeterName = "Canary";

    // Seconds, as http.server.request.duration: the default buckets are for milliseconds.
    private static readonly InstrumentAdvice<double> Seconds = new() { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] };

    private readonly Meter _meter;
    private readonly Counter<long> _runs;
    private readonly Histogram<double> _runDuration;
    private readonly Histogram<double> _stepDuration;

    public CanaryMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _runs = _meter.CreateCounter<long>("canary.runs", "{run}", "Canary runs, by outcome (success, failure) and the step they ended at (complete, or the step that failed).");
        _runDuration = _meter.CreateHistogram("canary.duration", "s", "How long a canary run took, retries included, by outcome.", tags: null, advice: Seconds);
        _stepDuration = _meter.CreateHistogram("canary.step.duration", "s", "How long each step of a canary run took, by step and outcome.", tags: null, advice: Seconds);
    }

    public void RunCompleted(CanaryRun run)
    {
        var outcome = new KeyValuePair<string, object?>("outcome", run.Outcome);
        _runs.Add(1, outcome, new KeyValuePair<string, object?>("step", run.Step));
        _runDuration.Record(run.Elapsed.TotalSeconds, outcome);
    }

    public void StepCompleted(string step, bool succeeded, TimeSpan elapsed) =>
        _stepDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("step", step), new KeyValuePair<string, object?>("outcome", succeeded ? "success" : "failure"));

    public void Dispose() => _meter.Dispose();
}
