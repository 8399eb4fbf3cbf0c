using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HostingIntegrations.Restarts;

/// <summary>
/// Watches the resources that carry <see cref="RestartOnCrashAnnotation"/> and starts again one whose process ended
/// by itself (DCP's <c>Finished</c>, straight from <c>Running</c>), after a short growing
/// pause, as a container orchestrator's restart policy would. A resource stopped on purpose (the Stop command) goes
/// <c>Running</c> → <c>Stopping</c> → <c>Finished</c> with exit code 0 and stays stopped; one that keeps crashing is
/// left stopped once it used up its restarts in the window, so a broken build does not spin.
/// </summary>
internal sealed partial class CrashRestarter(
    DistributedApplicationModel model,
    ResourceNotificationService notifications,
    ResourceCommandService commands,
    ResourceLoggerService resourceLoggers,
    TimeProvider time,
    ILogger<CrashRestarter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastState = new Dictionary<string, string?>(StringComparer.Ordinal);
        var restarts = new Dictionary<string, Queue<DateTimeOffset>>(StringComparer.Ordinal);
        try
        {
            await foreach (var update in notifications.WatchAsync(stoppingToken))
            {
                if (!update.Resource.TryGetLastAnnotation<RestartOnCrashAnnotation>(out var policy) || !model.Resources.Contains(update.Resource))
                {
                    continue;
                }

                var state = update.Snapshot.State?.Text;
                var previous = lastState.GetValueOrDefault(update.ResourceId);
                lastState[update.ResourceId] = state;
                if (!IsCrash(previous, state, update.Snapshot.ExitCode))
                {
                    continue;
                }

                var history = restarts.TryGetValue(update.ResourceId, out var queue) ? queue : restarts[update.ResourceId] = new();
                var now = time.GetUtcNow();
                while (history.TryPeek(out var oldest) && now - oldest > policy.Window)
                {
                    history.Dequeue();
                }

                var resourceLogger = resourceLoggers.GetLogger(update.ResourceId);
                if (history.Count >= policy.MaxRestarts)
                {
                    LogGaveUp(resourceLogger, update.Snapshot.ExitCode, history.Count, policy.Window);
                    LogResourceGaveUp(logger, update.Resource.Name, update.Snapshot.ExitCode, history.Count, policy.Window);
                    continue;
                }

                history.Enqueue(now);
                LogRestarting(resourceLogger, update.Snapshot.ExitCode, history.Count, policy.MaxRestarts, policy.Window);
                LogResourceRestarting(logger, update.Resource.Name, update.Snapshot.ExitCode, history.Count, policy.MaxRestarts);
                _ = RestartAsync(update.Resource, update.ResourceId, history.Count, policy.MaxRestarts, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The AppHost is stopping.
        }
    }

    /// <summary>
    /// Ended on its own while running: straight from <c>Running</c> to <c>Finished</c>, whatever the code (a signal is
    /// -1; a host whose background service failed stops with 0). A service is meant to run until it is stopped, and a
    /// stop goes through <c>Stopping</c>.
    /// </summary>
    internal static bool IsCrash(string? previousState, string? state, int? exitCode) =>
        previousState == KnownResourceStates.Running && state == KnownResourceStates.Finished && exitCode is not null;

    private async Task RestartAsync(IResource resource, string resourceId, int restart, int maxAttempts, CancellationToken stoppingToken)
    {
        try
        {
            // 1 s, 2 s, 4 s…: a crash at start-up (a port still held, a dependency restarting) gets a moment to clear.
            // A start that fails (it waited for a dependency that is itself down, and gave up) is tried again the same way.
            for (var attempt = restart; attempt < restart + maxAttempts; attempt++)
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, 1 << Math.Min(attempt - 1, 5))), time, stoppingToken);
                if (notifications.TryGetCurrentState(resourceId, out var current) && current.Snapshot.State?.Text is { } state
                    && state != KnownResourceStates.Finished && state != KnownResourceStates.FailedToStart)
                {
                    return; // started meanwhile (by hand, or an earlier attempt that was slow to report)
                }

                var result = await commands.ExecuteCommandAsync(resourceId, KnownResourceCommands.StartCommand, stoppingToken);
                if (result.Success)
                {
                    return;
                }

                LogRestartFailed(logger, resource.Name, result.Message ?? "the start command did not complete");
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The AppHost is stopping: nothing to restart into.
        }
    }

    // The same news in the AppHost's own log (the terminal of `dotnet run`), where a developer sees it without the dashboard.
    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "{Resource} ended by itself (exit code {ExitCode}); restarting it ({Restart} of {MaxRestarts}); its console log is in the dashboard")]
    private static partial void LogResourceRestarting(ILogger logger, string resource, int? exitCode, int restart, int maxRestarts);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "{Resource} ended by itself (exit code {ExitCode}) after {Restarts} restarts in {Window}; left stopped")]
    private static partial void LogResourceGaveUp(ILogger logger, string resource, int? exitCode, int restarts, TimeSpan window);

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "The process ended by itself (exit code {ExitCode}); restarting it ({Restart} of {MaxRestarts} restarts allowed in {Window})")]
    private static partial void LogRestarting(ILogger logger, int? exitCode, int restart, int maxRestarts, TimeSpan window);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "The process ended by itself (exit code {ExitCode}) after {Restarts} restarts in {Window}; leaving it stopped (use the Start command)")]
    private static partial void LogGaveUp(ILogger logger, int? exitCode, int restarts, TimeSpan window);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Restarting {Resource} failed ({Message}); trying again")]
    private static partial void LogRestartFailed(ILogger logger, string resource, string? message);
}
