using System.Globalization;
using System.Text;

namespace Bench;

/// <summary>The soak's figures, and the block of <c>docs/resilience.md</c> they replace (between two markers under <c>## Soak</c>).</summary>
internal static class SoakReport
{
    public const string Begin = "<!-- soak:begin (written by `dotnet run --project bench/Bench -c Release -- soak`) -->";
    public const string End = "<!-- soak:end -->";

    private const double MB = 1024.0 * 1024.0;

    public static string Describe(
        SoakSettings settings, TimeSpan elapsed, IReadOnlyList<LoadResult> stretches, IReadOnlyList<MemorySample> memory,
        IReadOnlyDictionary<(string Operation, string Status), long> answers, IReadOnlyDictionary<string, int> retries)
    {
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"A run of **{elapsed:hh\\:mm\\:ss}** on {DateTime.UtcNow:yyyy-MM-dd} ({Environment.ProcessorCount} cores, Release build): {settings.Rate:0} req/s offered open loop after a {SoakSettings.WarmUp.TotalSeconds:0} s warm-up, guest carts living {settings.GuestLifetime:c}, memory sampled every {SoakSettings.SampleEvery.TotalSeconds:0} s ({memory.Count} samples).")
            .AppendLine()
            .AppendLine("| resource | RSS at start | RSS at end | peak | growth | per hour |")
            .AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        var first = memory[0];
        var last = memory[^1];
        var hours = (last.At - first.At).TotalHours;
        foreach (var name in first.ResidentBytes.Keys.Order(StringComparer.Ordinal))
        {
            var start = first.ResidentBytes[name] / MB;
            var end = last.ResidentBytes.GetValueOrDefault(name) / MB;
            var peak = memory.Max(s => s.ResidentBytes.GetValueOrDefault(name)) / MB;
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {start:0} MB | {end:0} MB | {peak:0} MB | {end - start:+0.0;-0.0;0.0} MB | {(hours > 0 ? (end - start) / hours : 0):+0.0;-0.0;0.0} MB/h |");
        }

        text.AppendLine()
            .AppendLine("| operation | answers | by status |")
            .AppendLine("| --- | ---: | --- |");
        foreach (var operation in answers.GroupBy(a => a.Key.Operation).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var byStatus = string.Join(", ", operation.OrderByDescending(a => a.Value).Select(a => $"{a.Key.Status}: {a.Value}"));
            text.AppendLine(CultureInfo.InvariantCulture, $"| {operation.Key} | {operation.Sum(a => a.Value)} | {byStatus} |");
        }

        var expired = answers.Where(a => a.Key.Operation == SoakShoppers.ReadExpired).ToList();
        text.AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"- reads of a cart past its lifetime: {expired.Sum(a => a.Value)}, of which 404 (expired, filtered on read — DynamoDB Local keeps the item): {expired.Where(a => a.Key.Status == "404").Sum(a => a.Value)}")
            .AppendLine(CultureInfo.InvariantCulture, $"- retries the services logged (resilience handler `OnRetry`, cart write back-offs): {(retries.Values.Sum() == 0 ? "none" : string.Join(", ", retries.Where(r => r.Value > 0).Select(r => $"{r.Key} {r.Value}")))}; the bench's client does not retry")
            .AppendLine()
            .AppendLine("Latency by minute (the first, the worst p95 and the last):")
            .AppendLine()
            .Append(BenchReport.Table(new[] { stretches[0], stretches.MaxBy(s => s.Latency.Percentile(95))!, stretches[^1] }.Distinct()));
        return text.ToString();
    }

    /// <summary>Replaces the block between the markers in <c>docs/resilience.md</c> (appending a <c>## Soak</c> section when there is none).</summary>
    public static async Task<string> WriteAsync(string figures, CancellationToken cancellationToken)
    {
        var path = Path.Combine(BenchReport.RepositoryRoot(), "docs", "resilience.md");
        var document = await File.ReadAllTextAsync(path, cancellationToken);
        var block = $"{Begin}\n{figures.TrimEnd()}\n{End}";
        var begin = document.IndexOf(Begin, StringComparison.Ordinal);
        var end = document.IndexOf(End, StringComparison.Ordinal);
        document = begin >= 0 && end > begin
            ? document[..begin] + block + document[(end + End.Length)..]
            : document.TrimEnd() + "\n\n## Soak\n\n" + block + "\n";
        await File.WriteAllTextAsync(path, document, cancellationToken);
        return path;
    }
}
