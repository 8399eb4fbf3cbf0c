using System.Diagnostics;
using System.Globalization;

namespace Orchestration.Lifecycle;

/// <summary>Runs one replica: starts its process, captures its output, probes its health, stops it.</summary>
public sealed class ReplicaRunner(
    ResourceReplica replica,
    ConsoleReporter reporter,
    HealthProbe probe,
    Action<ReplicaSnapshot> publish,
    TimeProvider time,
    CancellationToken applicationStopping)
{
    private static readonly TimeSpan StartupProbeInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan SteadyProbeInterval = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _stopping = new();
    private Process? _process;
    private Task _supervision = Task.CompletedTask;
    private ResourceState _state = ResourceState.NotStarted;
    private DateTimeOffset? _startedAt;
    private int? _exitCode;

    public ResourceReplica Replica { get; } = replica;

    public ConsoleLogBuffer Logs { get; } = new();

    public ReplicaSnapshot Snapshot => new(
        Replica.Resource.Name, Replica.Name, _state, _process is { } p ? SafeId(p) : null, _exitCode, _startedAt,
        Replica.Endpoints.Values.Select(e => e.ToString()).ToArray());

    public void MarkWaiting() => SetState(ResourceState.Waiting);

    public void MarkReady() => SetState(ResourceState.Healthy);

    public void MarkFailedToStart(string reason)
    {
        Logs.Add(reason);
        reporter.Error($"{Replica.Name} failed to start: {reason}");
        SetState(ResourceState.FailedToStart);
    }

    public void Start(LaunchPlan plan)
    {
        SetState(ResourceState.Starting);
        var startInfo = new ProcessStartInfo(plan.Command)
        {
            WorkingDirectory = plan.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in plan.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Children inherit the AppHost's environment, except what the engine decides per replica.
        foreach (var name in new[] { "ASPNETCORE_URLS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "DOTNET_LAUNCH_PROFILE" })
        {
            startInfo.Environment.Remove(name);
        }

        foreach (var (name, value) in plan.Environment)
        {
            startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            process.Dispose();
            MarkFailedToStart($"could not start '{plan.Command}': {e.Message}");
            return;
        }

        _process = process;
        _startedAt = time.GetUtcNow();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        SetState(ResourceState.Running);
        _supervision = Task.WhenAll(WatchExitAsync(process), ProbeAsync(_stopping.Token));
    }

    /// <summary>SIGTERM, then SIGKILL after the grace period; returns once the process is gone.</summary>
    public async Task StopAsync(TimeSpan gracePeriod)
    {
        if (_stopping.IsCancellationRequested)
        {
            await _supervision;
            return;
        }

        await _stopping.CancelAsync();
        if (_process is not { } process || _state.IsTerminal())
        {
            return;
        }

        SetState(ResourceState.Stopping);
        ProcessSignals.Send(process.Id, ProcessSignals.SIGTERM);
        using var grace = new CancellationTokenSource(gracePeriod);
        try
        {
            await process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            reporter.Error($"{Replica.Name} did not stop within {gracePeriod.TotalSeconds:0} s; killing it.");
            process.Kill(entireProcessTree: true);
        }

        await _supervision;
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        Logs.Add(line);
        reporter.ResourceLine(Replica.Name, line);
    }

    private async Task WatchExitAsync(Process process)
    {
        await process.WaitForExitAsync(CancellationToken.None); // also drains the output
        _exitCode = process.ExitCode;
        // Ctrl+C in a terminal signals the whole process group: children may exit before we ask them to.
        if (_stopping.IsCancellationRequested || applicationStopping.IsCancellationRequested)
        {
            SetState(ResourceState.Finished);
            return;
        }

        await _stopping.CancelAsync();
        var lastLines = string.Join(Environment.NewLine, Logs.Tail(10).Select(l => "    " + l));
        reporter.Error(string.Create(CultureInfo.InvariantCulture,
            $"{Replica.Name} exited unexpectedly with code {process.ExitCode}. Last lines:{Environment.NewLine}{lastLines}"));
        SetState(ResourceState.Exited);
    }

    private async Task ProbeAsync(CancellationToken stopping)
    {
        var healthProbe = Replica.Resource.Annotations.OfType<HealthProbeAnnotation>().FirstOrDefault();
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                var healthy = healthProbe is null || await probe.IsHealthyAsync(healthProbe, Replica, stopping);
                if (stopping.IsCancellationRequested)
                {
                    return;
                }

                if (healthy)
                {
                    SetState(ResourceState.Healthy);
                }
                else if (_state == ResourceState.Healthy)
                {
                    SetState(ResourceState.Unhealthy);
                }

                var interval = _state == ResourceState.Running ? StartupProbeInterval : SteadyProbeInterval;
                await Task.Delay(interval, time, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping or exited: the exit watcher owns the state now.
        }
    }

    private void SetState(ResourceState state)
    {
        lock (_stopping)
        {
            var late = _state == ResourceState.Stopping && state is ResourceState.Healthy or ResourceState.Unhealthy;
            if (_state == state || late || (_state.IsTerminal() && state != ResourceState.Waiting))
            {
                return;
            }

            _state = state;
        }

        publish(Snapshot);
    }

    private static int? SafeId(Process process)
    {
        try
        {
            return process.Id;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
