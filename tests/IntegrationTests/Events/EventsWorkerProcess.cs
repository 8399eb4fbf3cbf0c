using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace IntegrationTests.Events;

/// <summary>
/// An extra Events.Worker process, started the way the AppHost starts one (same build output, same environment:
/// Redis connection string, DynamoDB Local's AWS variables, a free ASPNETCORE_URLS port). The engine does not
/// restart processes, so tests that kill a worker start their own replacement with this.
/// </summary>
internal sealed class EventsWorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly Lock _gate = new();

    private EventsWorkerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int Id => _process.Id;

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

    public static async Task<EventsWorkerProcess> StartAsync(PlatformFixture platform)
    {
        var dll = new Projects.Events_Worker().TargetPath;
        var port = FreePort();
        var startInfo = new ProcessStartInfo(AppHostProcess.DotnetHost)
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(dll);
        foreach (var name in new[] { "ASPNETCORE_URLS", "OTEL_EXPORTER_OTLP_ENDPOINT" })
        {
            startInfo.Environment.Remove(name);
        }

        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        startInfo.Environment["DOTNET_ENVIRONMENT"] = "Development";
        startInfo.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        startInfo.Environment["ConnectionStrings__redis"] = platform.App.GetConnectionString("redis");
        startInfo.Environment["ConnectionStrings__dynamodb"] = platform.App.GetConnectionString("dynamodb");
        startInfo.Environment["AWS_ENDPOINT_URL_DYNAMODB"] = platform.App.GetConnectionString("dynamodb");
        startInfo.Environment["AWS_REGION"] = "us-east-1";
        startInfo.Environment["AWS_ACCESS_KEY_ID"] = "local";
        startInfo.Environment["AWS_SECRET_ACCESS_KEY"] = "local";

        var process = new Process { StartInfo = startInfo };
        var worker = new EventsWorkerProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => worker.Add(e.Data);
        process.ErrorDataReceived += (_, e) => worker.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await WaitUntilHealthyAsync(worker, process);
            return worker;
        }
        catch
        {
            // Never leave a half-started worker behind.
            await worker.DisposeAsync();
            throw;
        }
    }

    private static async Task WaitUntilHealthyAsync(EventsWorkerProcess worker, Process process)
    {
        using var http = new HttpClient { BaseAddress = worker.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        await Eventually.ReturnsAsync(async () =>
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The extra worker exited ({process.ExitCode}):\n{string.Join('\n', worker.Output.TakeLast(40))}");
            }

            try
            {
                return (await http.GetAsync("/health")).StatusCode;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or a first (cold) health probe that took longer than the client waits.
                return HttpStatusCode.ServiceUnavailable;
            }
        }, status => status == HttpStatusCode.OK, TimeSpan.FromSeconds(90));
    }

    /// <summary>Dies without a chance to checkpoint or release its leases.</summary>
    public async Task KillAsync()
    {
        ProcessSignals.Send(_process.Id, ProcessSignals.SIGKILL);
        await _process.WaitForExitAsync();
    }

    /// <summary>Graceful stop (SIGTERM): checkpoints and releases its leases.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            ProcessSignals.Send(_process.Id, ProcessSignals.SIGTERM);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
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
