using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Bench;

/// <summary>Scenario 6: the AppHost executable from start to all-healthy, then each service's memory when idle.</summary>
internal static partial class StartupScenario
{
    public static async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        Console.WriteLine("Scenario 6: start-up to all-healthy, and idle memory per service");
        var output = new List<string>();
        var startInfo = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AppHost.dll"));
        startInfo.ArgumentList.Add("--Gateway:Port=0");
        var clock = Stopwatch.StartNew();
        using var appHost = Process.Start(startInfo)!;
        await using var stop = new StopOnExit(appHost);
        var healthy = new TaskCompletionSource<TimeSpan>();
        appHost.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.Add(e.Data);
            }

            if (e.Data.Contains("resources are healthy", StringComparison.Ordinal))
            {
                healthy.TrySetResult(clock.Elapsed);
            }
        };
        appHost.BeginOutputReadLine();
        appHost.BeginErrorReadLine();

        TimeSpan startup;
        string[] lines;
        try
        {
            startup = await healthy.Task.WaitAsync(TimeSpan.FromMinutes(3), cancellationToken);
            await Task.Delay(TimeSpan.FromSeconds(15), cancellationToken); // let start-up garbage settle: "idle" memory
        }
        finally
        {
            lock (output)
            {
                lines = [.. output];
            }
        }

        var rows = Orchestration.Lifecycle.ResourceTable.Parse(lines)
            .Where(r => r.ProcessId is not null)
            .Select(r => (r.Name, Megabytes: ResidentMegabytes(r.ProcessId!.Value)))
            .ToArray();

        var reported = lines.Select(l => AppHostFigure().Match(l)).FirstOrDefault(m => m.Success)?.Groups[1].Value ?? "?";
        var text = new StringBuilder()
            .AppendLine("## 6. Start-up and idle memory")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"- `dotnet AppHost.dll` (already built) to the all-healthy line: **{startup.TotalSeconds:0.0} s** (the AppHost's own figure: {reported} s) — target < 20 s: {(startup.TotalSeconds < 20 ? "met" : "**not met**")}")
            .AppendLine()
            .AppendLine("| process | resident memory after 15 s idle |")
            .AppendLine("| --- | ---: |");
        foreach (var (name, megabytes) in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {megabytes:0} MB |");
        }

        var services = rows.Where(r => r.Name is not ("dynamodb" or "redis")).ToArray();
        text.AppendLine()
            .Append(CultureInfo.InvariantCulture, $"- each .NET service < 150 MB idle: {(services.All(s => s.Megabytes < 150) ? "met" : "**not met**")}");
        Console.WriteLine(text);
        return text.ToString().TrimEnd();
    }

    /// <summary>SIGTERM for the AppHost however the scenario ends, so no system is left running.</summary>
    private sealed class StopOnExit(Process appHost) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Orchestration.Lifecycle.ProcessSignals.Send(appHost.Id, Orchestration.Lifecycle.ProcessSignals.SIGTERM); // SIGINT may be ignored when the bench itself runs in the background
            await appHost.WaitForExitAsync(CancellationToken.None);
        }
    }

    private static double ResidentMegabytes(int pid)
    {
        var status = $"/proc/{pid}/status";
        var line = File.Exists(status) ? File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)) : null;
        return line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }


    [GeneratedRegex(@"healthy, ([0-9.]+) s after")]
    private static partial Regex AppHostFigure();
}
