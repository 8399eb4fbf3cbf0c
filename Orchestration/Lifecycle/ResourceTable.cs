using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Orchestration.Lifecycle;

/// <summary>The resource table the AppHost prints, and its reading back by tools that run the AppHost as a process.</summary>
public static partial class ResourceTable
{
    public static string Format(IEnumerable<ReplicaSnapshot> replicas)
    {
        var rows = replicas.Select(r => new[]
        {
            r.ReplicaName,
            r.State.ToString(),
            r.ProcessId?.ToString(CultureInfo.InvariantCulture) ?? "-",
            r.Urls.Count == 0 ? "-" : string.Join(' ', r.Urls),
        }).Prepend(["NAME", "STATE", "PID", "URL"]).ToList();

        var widths = Enumerable.Range(0, 4).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.AppendLine(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>The rows of the first table in <paramref name="lines"/> (console output, possibly with other lines around it).</summary>
    public static IReadOnlyList<ResourceTableRow> Parse(IEnumerable<string> lines) =>
        lines.SkipWhile(l => !Header().IsMatch(l)).Skip(1)
            .Select(l => Row().Match(l)).TakeWhile(m => m.Success)
            .Select(m => new ResourceTableRow(
                m.Groups["name"].Value,
                m.Groups["state"].Value,
                m.Groups["pid"].Value == "-" ? null : int.Parse(m.Groups["pid"].Value, CultureInfo.InvariantCulture),
                m.Groups["urls"].Value == "-" ? [] : m.Groups["urls"].Value.Split(' ').Select(u => new Uri(u)).ToArray()))
            .ToArray();

    [GeneratedRegex(@"^NAME\s+STATE\s+PID\s+URL")]
    private static partial Regex Header();

    [GeneratedRegex(@"^(?<name>[a-z][a-z0-9-]*)\s+(?<state>[A-Za-z]+)\s+(?<pid>\d+|-)\s+(?<urls>.+)$")]
    private static partial Regex Row();
}

/// <summary>One replica as the table shows it; no process id for resources without a process.</summary>
public sealed record ResourceTableRow(string Name, string State, int? ProcessId, IReadOnlyList<Uri> Urls);
