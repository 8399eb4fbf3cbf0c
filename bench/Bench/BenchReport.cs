using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Bench;

/// <summary>The Markdown report: machine, date, commit, and a section per scenario.</summary>
internal sealed class BenchReport
{
    private readonly List<string> _sections = [];

    public void Add(string section) => _sections.Add(section);

    public async Task<string> WriteAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        var root = RepositoryRoot();
        var text = new StringBuilder()
            .AppendLine("# Benchmarks")
            .AppendLine()
            .AppendLine("Produced by `dotnet run --project bench/Bench -c Release` (see the README). Load comes from the bench")
            .AppendLine("process, open loop (requests are sent when due whatever the server does; latency counts from that moment).")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"- date: {time.GetUtcNow():yyyy-MM-dd HH:mm} UTC")
            .AppendLine(CultureInfo.InvariantCulture, $"- commit: `{Git(root, "rev-parse --short HEAD")}`{(Git(root, "status --porcelain").Length > 0 ? " (with uncommitted changes)" : "")}")
            .AppendLine(CultureInfo.InvariantCulture, $"- machine: {Environment.ProcessorCount} cores ({CpuModel()}), {MemoryGiB():0} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}")
            .AppendLine(CultureInfo.InvariantCulture, $"- .NET {Environment.Version}, Release build")
            .AppendLine("- where each target stands over the runs, and what would close the ones missed: [below](#where-each-target-of-issue-16-stands-and-what-would-close-it)")
            .AppendLine();
        foreach (var section in InReadingOrder(_sections))
        {
            text.AppendLine(section).AppendLine();
        }

        var path = Path.Combine(root, "docs", "benchmarks.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (File.Exists(path))
        {
            text.AppendLine(HistoryOf(await File.ReadAllTextAsync(path, cancellationToken)));
        }

        await File.WriteAllTextAsync(path, text.ToString().TrimEnd() + Environment.NewLine, cancellationToken);
        return path;
    }

    /// <summary>
    /// Sections by their number (<c>## 2. Add item</c> before <c>## 3. Payment</c>), whatever order the scenarios ran in;
    /// a section without a number keeps its place after the numbered ones.
    /// </summary>
    internal static IEnumerable<string> InReadingOrder(IEnumerable<string> sections) =>
        sections.OrderBy(section => Regex.Match(section, @"^## (\d+)\.") is { Success: true } number
            ? int.Parse(number.Groups[1].Value, CultureInfo.InvariantCulture)
            : int.MaxValue);

    /// <summary>
    /// The hand-written end of an earlier report, from its <c>## History</c> heading on (figures of earlier runs beside
    /// the change they measured), which a new run keeps; empty when there is none.
    /// </summary>
    internal static string HistoryOf(string report)
    {
        var heading = Regex.Match(report, "^## History$", RegexOptions.Multiline);
        return heading.Success ? report[heading.Index..].TrimEnd() : "";
    }

    public static string Table(IEnumerable<LoadResult> steps)
    {
        var text = new StringBuilder()
            .AppendLine("| run | offered req/s | achieved req/s | p50 | p95 | p99 | errors |")
            .AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var s in steps)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {s.Name} | {s.OfferedRate:0} | {s.AchievedRate:0} | {s.Ms(50)} | {s.Ms(95)} | {s.Ms(99)} | {s.Errors} |");
        }

        return text.ToString().TrimEnd();
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Aspire.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }

    /// <summary>A git command's output in the repository, or "unknown" without git.</summary>
    public static string Git(string root, string arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", arguments) { WorkingDirectory = root, RedirectStandardOutput = true })!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";

    private static double MemoryGiB() =>
        File.Exists("/proc/meminfo")
            ? double.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024 / 1024
            : 0;
}
