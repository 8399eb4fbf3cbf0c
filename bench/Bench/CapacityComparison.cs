using System.Globalization;
using System.Text;

namespace Bench;

/// <summary>A system's capacity ladder beside its baseline's: the highest sustained step of each, their ratio, and where the CPU went.</summary>
internal sealed record CapacityComparison(IReadOnlyList<LoadResult> System, IReadOnlyList<LoadResult> Baseline, TimeSpan P95Target)
{
    public LoadResult? Best => System.LastOrDefault(s => s.Sustains(P95Target));

    public LoadResult? BestBaseline => Baseline.LastOrDefault(s => s.Sustains(P95Target));

    public double Ratio => Best is null || BestBaseline is null ? 0 : Best.AchievedRate / BestBaseline.AchievedRate;

    /// <summary>True when the baseline sustained even the top of the ladder, so its real limit (and the true ratio) is lower than shown.</summary>
    public bool BaselineUnsaturated => Baseline.Count > 0 && Baseline[^1].Sustains(P95Target);

    /// <summary>Both sides' best steps and their ratio, with one decimal: a whole number rounds 99.85 % onto the 100 % target and hides which side of it a run is.</summary>
    public string Headline(string baselineName) => string.Create(CultureInfo.InvariantCulture,
        $"- highest sustained rate: **{Best?.AchievedRate ?? 0:0} req/s** (p95 {Best?.Ms(95) ?? "-"}) vs {baselineName} {BestBaseline?.AchievedRate ?? 0:0} req/s{(BaselineUnsaturated ? " (still sustained at the top of the ladder)" : "")} — **{Ratio:P1}**");

    /// <summary>CPU per request by process at each side's highest sustained step.</summary>
    public string CpuTables()
    {
        var text = new StringBuilder();
        foreach (var step in new[] { Best, BestBaseline })
        {
            if (step?.Cpu is { } cpu)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"CPU during `{step.Name}` at {step.AchievedRate:0} req/s ({cpu.Wall.TotalSeconds:0.0} s):")
                    .AppendLine()
                    .AppendLine(cpu.Table(step.Requests))
                    .AppendLine();
            }
        }

        return text.ToString().TrimEnd();
    }
}
