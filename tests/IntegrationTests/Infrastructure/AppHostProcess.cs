using System.Diagnostics;

namespace IntegrationTests.Infrastructure;

/// <summary>The real AppHost executable, run the way a developer runs it, with its console captured.</summary>
public sealed class AppHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly Lock _gate = new();

    private AppHostProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public int ExitCode => _process.ExitCode;

    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToArray();
            }
        }
    }

    /// <summary>The <c>dotnet</c> muxer that runs this test host.</summary>
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH")
        ?? (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath : null)
        ?? ExecutableLookup.Find("dotnet")
        ?? "dotnet";

    public static AppHostProcess Start(IEnumerable<string> args, IDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo(DotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AppHost.dll"));
        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo };
        var host = new AppHostProcess(process);
        process.OutputDataReceived += (_, e) => host.Add(e.Data);
        process.ErrorDataReceived += (_, e) => host.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    public Task<IReadOnlyList<string>> WaitForLineAsync(string text, TimeSpan timeout) =>
        Eventually.ReturnsAsync(() => Task.FromResult(Output), lines => lines.Any(l => l.Contains(text, StringComparison.Ordinal)) || _process.HasExited, timeout);

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The resource table the AppHost printed: replica name, PID (0 for resources without a process) and ports.</summary>
    public IReadOnlyList<(string Name, int Pid, IReadOnlyList<int> Ports)> ResourceTable() =>
        global::Orchestration.Lifecycle.ResourceTable.Parse(Output)
            .Select(r => (r.Name, r.ProcessId ?? 0, (IReadOnlyList<int>)r.Urls.Select(u => u.Port).ToArray()))
            .ToArray();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            lock (_gate)
            {
                _output.Add(line);
            }
        }
    }
}
