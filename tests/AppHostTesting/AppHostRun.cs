using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AppHostTesting;

/// <summary>
/// The AppHost started the way a developer starts it — <c>dotnet run --project AppHost</c>, its launch profile and all —
/// in a session of its own (so a test can press Ctrl+C on its whole process group, as a terminal does), on free ports.
/// </summary>
public sealed class AppHostRun : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly Lock _gate = new();

    private AppHostRun(Process process, Uri gateway, Uri dashboard)
    {
        _process = process;
        Gateway = gateway;
        Dashboard = dashboard;
    }

    /// <summary>The <c>dotnet run</c> process (leader of the run's process group).</summary>
    public int Id => _process.Id;

    public int ExitCode => _process.ExitCode;

    public Uri Gateway { get; }

    public Uri Dashboard { get; }

    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_gate)
            {
                return [.. _output];
            }
        }
    }

    /// <summary>The <c>dotnet</c> muxer that runs this test host.</summary>
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH")
        ?? (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath : null)
        ?? "dotnet";

    /// <summary>
    /// <c>dotnet run --project AppHost --no-build -c <paramref name="configuration"/> -- <paramref name="args"/></c>, with the gateway, the dashboard and its
    /// OTLP and resource-service endpoints moved to free ports (a developer's own run may hold the usual ones).
    /// </summary>
    public static AppHostRun Start(IEnumerable<string> args, IDictionary<string, string>? environment = null, string configuration = "Debug")
    {
        var (gateway, dashboard) = (FreePort(), FreePort());
        var startInfo = new ProcessStartInfo("setsid") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { DotnetHost, "run", "--project", Projects.AppHost.ProjectPath, "--no-build", "--configuration", configuration, "--" }.Concat(args).Concat(
        [
            $"--Gateway:Port={gateway}",
            $"--ASPNETCORE_URLS=http://localhost:{dashboard}",
            $"--ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://localhost:{FreePort()}",
            $"--ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL=http://localhost:{FreePort()}",
            $"--ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL=http://localhost:{FreePort()}",
        ]))
        {
            startInfo.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo };
        var run = new AppHostRun(process, new Uri($"http://localhost:{gateway}/"), new Uri($"http://localhost:{dashboard}/"));
        process.OutputDataReceived += (_, e) => run.Add(e.Data);
        process.ErrorDataReceived += (_, e) => run.Add(e.Data);
        process.Start(); // setsid execs dotnet in place: same pid, now a session and process group of its own
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return run;
    }

    /// <summary>
    /// Waits until every service of the system (<paramref name="services"/>: how many processes of each program) answers
    /// <c>/health</c> on a port it listens on, and the dashboard answers: seen from outside, as a developer would. Until
    /// the gateway (the last to start) answers, only the gateway is asked, so the waiting costs the start-up no CPU.
    /// </summary>
    public async Task WaitUntilHealthyAsync(IReadOnlyDictionary<string, int> services, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var gateway = new Uri(Gateway, "/health");
        try
        {
            await PollUntilHealthyAsync(http, gateway, services, deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Say what was still missing, so a slow start on a loaded machine can be told from a broken one.
            var running = Processes().Select(p => p.Program).Order(StringComparer.Ordinal);
            throw new TimeoutException(
                $"Not healthy after {timeout.TotalSeconds:0} s. Running: {string.Join(", ", running)}. Last output:\n{string.Join('\n', Output.TakeLast(40))}");
        }
    }

    private async Task PollUntilHealthyAsync(HttpClient http, Uri gateway, IReadOnlyDictionary<string, int> services, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The AppHost exited ({_process.ExitCode}):\n{string.Join('\n', Output.TakeLast(40))}");
            }

            if (await AllAnswerAsync(http, [[gateway]], cancellationToken))
            {
                var running = Processes().Where(p => services.ContainsKey(p.Program)).ToList();
                if (services.All(s => running.Count(p => p.Program == s.Key) == s.Value)
                    && await AllAnswerAsync(http, [.. running.Select(HealthAddresses), [Dashboard]], cancellationToken))
                {
                    return;
                }
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private static IReadOnlyList<Uri> HealthAddresses(SystemProcess service) =>
        [.. ProcessTree.ListeningPorts([service]).Select(port => new Uri($"http://localhost:{port}/health"))];

    /// <summary>True when, in each group, some address answers with a success status.</summary>
    private static async Task<bool> AllAnswerAsync(HttpClient http, IReadOnlyList<IReadOnlyList<Uri>> groups, CancellationToken cancellationToken)
    {
        foreach (var group in groups)
        {
            var answered = false;
            foreach (var address in group)
            {
                try
                {
                    using var response = await http.GetAsync(address, cancellationToken);
                    answered |= response.IsSuccessStatusCode;
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    // not listening yet, or still starting
                }
            }

            if (!answered)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Every process of this run: dotnet run, the AppHost, DCP and everything DCP started.</summary>
    public IReadOnlyList<SystemProcess> Processes() => ProcessTree.OfAppHost(Id);

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

    /// <summary>
    /// Stops the run as <see cref="DisposeAsync"/> does, then waits (up to <paramref name="within"/>) until every process
    /// it ran has ended, so whatever starts next has the machine to itself. In place of <see cref="DisposeAsync"/>, not after it.
    /// </summary>
    public async Task StopAsync(TimeSpan within)
    {
        var processes = Processes();
        await DisposeAsync();
        using var deadline = new CancellationTokenSource(within);
        while (processes.Any(ProcessTree.IsRunning) && !deadline.IsCancellationRequested)
        {
            await Task.Delay(200, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            var left = Processes();
            ProcessSignals.Send(-Id, ProcessSignals.SIGTERM);
            if (!await WaitForExitAsync(TimeSpan.FromSeconds(30)))
            {
                foreach (var process in left)
                {
                    ProcessSignals.Send(process.Id, ProcessSignals.SIGKILL);
                }
            }
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
