using Microsoft.Extensions.Hosting;

namespace Orchestration.Dashboard.Web;

/// <summary>
/// The dashboard lives inside the AppHost, which owns Ctrl+C and SIGTERM (it stops the children first);
/// the default console lifetime would race it for those signals.
/// </summary>
internal sealed class NoHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
