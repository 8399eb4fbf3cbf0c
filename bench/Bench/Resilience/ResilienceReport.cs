using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Bench.Resilience;

/// <summary>The per-fault table and the integrity checks, printed and written as the <c>## Results</c> section of <c>docs/resilience.md</c>.</summary>
internal sealed class ResilienceReport(double rate, SuiteTimings timings, IReadOnlyList<FaultRun> runs, IReadOnlyList<WindowStats> windows, IReadOnlyList<CheckResult> checks)
{
    private const string Heading = "## Results";

    /// <summary>Every answer of the run with status 500.</summary>
    public long Http500 => windows.Sum(w => w.Count(s => s == 500));

    /// <summary>
    /// Bad requests answered 5xx outside a fault (during one, a 502/503 can come before the input is looked at) and
    /// outside the warm-up (reported on its own: a platform still starting sheds load the same way).
    /// </summary>
    public long BadInput5xx => windows.Where(w => w.Phase is not ("during" or WindowStats.WarmUp)).Sum(w => w.BadInput5xx);

    private double WarmUp(Func<WindowStats, double> measure) => windows.Where(w => w.Phase == WindowStats.WarmUp).Sum(measure);

    public bool Passed => checks.All(c => c.Passed) && Http500 == 0 && BadInput5xx == 0 && runs.All(r => r.Outcome.Recovered);

    public string Markdown(TimeProvider time)
    {
        var root = BenchReport.RepositoryRoot();
        var text = new StringBuilder()
            .AppendLine(Heading)
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Produced by `dotnet run --project bench/Bench -c Release -- resilience` on {time.GetUtcNow():yyyy-MM-dd HH:mm} UTC, commit `{BenchReport.Git(root, "rev-parse --short HEAD")}`, {Environment.ProcessorCount} cores.")
            .AppendLine(CultureInfo.InvariantCulture, $"Load: {rate:0} operations/s open loop through the gateway; each fault held {timings.Hold.TotalSeconds:0} s (a killed process: until it is healthy again), {timings.After.TotalSeconds:0} s of load after it (the next fault's \"before\").")
            .AppendLine(CultureInfo.InvariantCulture, $"Warm-up: the same load for {WarmUp(w => w.Length.TotalSeconds):0} s, in {SuiteTimings.WarmUpWindow.TotalSeconds:0} s windows until one was steady (judged a window later: ≥ 95 % of its operations done, no 5xx or unanswered request, p95 under {SuiteTimings.SteadyP95.TotalMilliseconds:0} ms; at most {timings.WarmUpLimit.TotalSeconds:0} s), before the first fault's \"before\": {WarmUp(w => w.Requests):0} requests, {WarmUp(w => w.Count(s => s >= 500 || s == WindowStats.NoAnswer)):0} of them 5xx or unanswered ({WarmUp(w => w.BadInput5xx):0} to bad input).")
            .AppendLine("Answers count every HTTP request (retries included) of the operations due while the fault was on; p95 is per request, and per operation from when it was due to its final answer.")
            .AppendLine()
            .AppendLine("| fault | on for | requests | answers while on | client gave up | p95 request before / during / after | p95 operation during | proof |")
            .AppendLine("| --- | ---: | ---: | --- | ---: | ---: | ---: | --- |");
        foreach (var run in runs)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {run.Fault.Name} | {run.During.Length.TotalSeconds:0.0} s | {run.During.Requests} | {Answers(run.During)} | {run.During.GaveUp} | {Ms(run.Before.RequestLatency)} / {Ms(run.During.RequestLatency)} / {Ms(run.After.RequestLatency)} | {Ms(run.During.OperationLatency)} | {run.Outcome.Proof} |");
        }

        text.AppendLine()
            .AppendLine("Integrity, after every fault was cleared and every write without a definite answer was sent again with its key:")
            .AppendLine();
        foreach (var check in checks)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {(check.Passed ? "pass" : "**FAIL**")} — {check.Name}: {check.Summary}");
            foreach (var finding in check.Findings)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  - {finding}");
            }
        }

        var unrecovered = runs.Where(r => !r.Outcome.Recovered).Select(r => r.Fault.Name).ToList();
        text.AppendLine(CultureInfo.InvariantCulture, $"- {(unrecovered.Count == 0 ? "pass" : "**FAIL**")} — the system came back from every fault{(unrecovered.Count == 0 ? "" : ": not from " + string.Join(", ", unrecovered))}")
            .AppendLine(CultureInfo.InvariantCulture, $"- {(Http500 == 0 ? "pass" : "**FAIL**")} — no 500 anywhere: {Http500} answered 500")
            .AppendLine(CultureInfo.InvariantCulture, $"- {(BadInput5xx == 0 ? "pass" : "**FAIL**")} — no 5xx to bad input outside a fault: {BadInput5xx} (during faults: {windows.Where(w => w.Phase == "during").Sum(w => w.BadInput5xx)})")
            .AppendLine()
            .AppendLine("What each fault does:")
            .AppendLine();
        foreach (var run in runs)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {run.Fault.Name}: {run.Fault.Description}");
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>Replaces the <c>## Results</c> section of <c>docs/resilience.md</c> (up to the next <c>## </c> heading), keeping the rest.</summary>
    public async Task<string> WriteAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        var path = Path.Combine(BenchReport.RepositoryRoot(), "docs", "resilience.md");
        var document = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : "# Resilience\n";
        await File.WriteAllTextAsync(path, WithResults(document, Markdown(time)), cancellationToken);
        return path;
    }

    internal static string WithResults(string document, string results)
    {
        var heading = Regex.Match(document, "^## Results$", RegexOptions.Multiline);
        if (!heading.Success)
        {
            return document.TrimEnd() + "\n\n" + results + "\n";
        }

        var next = Regex.Match(document[(heading.Index + heading.Length)..], "^## ", RegexOptions.Multiline);
        var rest = next.Success ? "\n\n" + document[(heading.Index + heading.Length + next.Index)..].TrimEnd() : "";
        return document[..heading.Index] + results + rest + "\n";
    }

    private static string Answers(WindowStats window)
    {
        var buckets = new (string Name, Func<int, bool> Match)[]
        {
            ("2xx", s => s is >= 200 and < 300),
            ("409", s => s == 409),
            ("429", s => s == 429),
            ("other 4xx", s => s is >= 400 and < 500 and not 409 and not 429),
            ("500", s => s == 500),
            ("502", s => s == 502),
            ("503", s => s == 503),
            ("504", s => s == 504),
            ("other 5xx", s => s > 504 || s is > 500 and < 502),
            ("no answer", s => s == WindowStats.NoAnswer),
        };
        return string.Join(" · ", buckets.Select(b => (b.Name, Count: window.Count(b.Match))).Where(b => b.Count > 0).Select(b => $"{b.Name} {b.Count}"));
    }

    private static string Ms(LatencyHistogram histogram) => $"{histogram.Percentile(95).TotalMilliseconds:0} ms";
}
