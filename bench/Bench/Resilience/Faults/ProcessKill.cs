using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bench.Resilience.Faults;

/// <summary>A service process killed with SIGKILL; the fault lasts until the restart policy has it running and healthy again.</summary>
internal sealed class ProcessKill(string name, string resource, string description) : IFault
{
    private int _pid;
    private long _killedAt;

    public string Name { get; } = name;

    public string Description { get; } = description;

    public static ProcessKill Replica() =>
        new("cart-api replica kill", "cart-api-0", "`SIGKILL` to `cart-api-0`; the gateway routes around it and the restart policy brings it back");

    public static ProcessKill Worker() =>
        new("events-worker kill", "events-worker", "`SIGKILL` to `events-worker`; restarted, it resumes from its checkpoints");

    public Task InjectAsync(FaultContext context, CancellationToken cancellationToken)
    {
        _pid = context.Platform.ProcessId(resource) ?? throw new InvalidOperationException($"{resource} is not running.");
        _killedAt = Stopwatch.GetTimestamp();
        return ProcessSignals.Send(_pid, ProcessSignals.SIGKILL) ? Task.CompletedTask : throw new InvalidOperationException($"Could not kill {resource} ({_pid}).");
    }

    /// <summary>Waits up to 90 s for the restart policy to have the process running again and healthy.</summary>
    public async Task<FaultOutcome> ClearAsync(FaultContext context, CancellationToken cancellationToken)
    {
        int? restarted;
        while ((restarted = context.Platform.ProcessId(resource)) is null || restarted == _pid
            || context.Platform.Snapshot(resource)?.HealthStatus != HealthStatus.Healthy)
        {
            if (Stopwatch.GetElapsedTime(_killedAt) > TimeSpan.FromSeconds(90))
            {
                return new($"{resource} {_pid} killed; **not running and healthy again after 90 s** (state {context.Platform.Snapshot(resource)?.State?.Text ?? "unknown"})", Recovered: false);
            }

            await Task.Delay(200, cancellationToken);
        }

        return new($"{resource} {_pid} → {restarted}, healthy after {Stopwatch.GetElapsedTime(_killedAt).TotalSeconds:0.0} s");
    }
}
