using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace HostingIntegrations.Redis;

/// <summary>
/// Deletes the password file of a start of a <see cref="RedisServerResource"/> as soon as it is no longer needed: once
/// that redis-server is healthy (its health check authenticated with the password, so it read the file before it
/// listened) or once that start ended without (it failed, or was stopped first). The start is told by the file's path,
/// the first argument DCP reports the process ran with, so the news of an earlier start never deletes a later one's file.
/// </summary>
internal sealed class RedisPasswordFileJanitor(ResourceNotificationService notifications, RedisPasswordFiles files) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var update in notifications.WatchAsync(stoppingToken))
            {
                if (update.Resource is RedisServerResource
                    && (update.Snapshot.HealthStatus == HealthStatus.Healthy || KnownResourceStates.TerminalStates.Contains(update.Snapshot.State?.Text))
                    && PasswordFileOf(update.Snapshot) is { } path)
                {
                    files.Delete(path);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The AppHost is stopping; RedisPasswordFiles deletes what is left when it is disposed.
        }
    }

    /// <summary>The first argument of the process, as DCP reports it (none before the process was started).</summary>
    private static string? PasswordFileOf(CustomResourceSnapshot snapshot) =>
        (snapshot.Properties.FirstOrDefault(p => p.Name == "executable.args")?.Value as IEnumerable<string>)?.FirstOrDefault();
}
