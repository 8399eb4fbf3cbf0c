using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IntegrationTests.AppHost;

/// <summary>
/// The AppHost's restart policy on a real process: a crash is restarted and said so in the AppHost's own log (the
/// terminal of <c>dotnet run</c>), a stop stays a stop.
/// </summary>
public sealed class RestartOnCrashTests : IAsyncLifetime
{
    private readonly AppHostLog _log = new();
    private DistributedApplication _app = null!;

    public async Task InitializeAsync()
    {
        var builder = await PlatformBuilder.CreateAsync(restartOnCrash: true);
        builder.Services.AddSingleton<ILoggerProvider>(_log);
        _app = await builder.KeepOnly("payments-api").StartHealthyAsync(TimeSpan.FromMinutes(2));
    }

    public async Task DisposeAsync() => await _app.DisposeAndVerifyNothingLeftAsync();

    [Fact]
    public async Task A_killed_service_comes_back_by_itself_and_a_stopped_one_stays_stopped()
    {
        var pid = _app.ProcessId("payments-api")!.Value;

        ProcessSignals.Send(pid, ProcessSignals.SIGKILL);
        await _app.ResourceNotifications.WaitForResourceAsync("payments-api", e => e.Snapshot.State?.Text == KnownResourceStates.Finished)
            .WaitAsync(TimeSpan.FromSeconds(30));
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("payments-api", WaitBehavior.WaitOnResourceUnavailable).WaitAsync(TimeSpan.FromMinutes(1));

        var restarted = _app.ProcessId("payments-api");
        Assert.NotNull(restarted);
        Assert.NotEqual(pid, restarted);
        using var client = new HttpClient { BaseAddress = _app.HttpEndpoint("payments-api") };
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        var said = Assert.Single(RestartLines());
        Assert.Equal(LogLevel.Warning, said.Level);
        Assert.StartsWith("payments-api ended by itself (exit code ", said.Message, StringComparison.Ordinal);
        Assert.Contains("restarting it (1 of 5)", said.Message, StringComparison.Ordinal);

        await _app.ExecuteCommandAsync("payments-api", KnownResourceCommands.StopCommand);
        var stopped = await _app.ResourceNotifications.WaitForResourceAsync("payments-api", e => e.Snapshot.State?.Text is { } state
                && state != KnownResourceStates.Running && state != KnownResourceStates.Stopping)
            .WaitAsync(TimeSpan.FromSeconds(30));

        // A restart would come after 1 s; give it several times that to (wrongly) happen.
        var comeBack = _app.ResourceNotifications.WaitForResourceAsync("payments-api", KnownResourceStates.Running);
        Assert.NotSame(comeBack, await Task.WhenAny(comeBack, Task.Delay(TimeSpan.FromSeconds(5))));
        Assert.Equal(0, stopped.Snapshot.ExitCode); // Running → Stopping → Finished 0: what the policy must leave alone
        Assert.Single(RestartLines()); // and nothing said about a stop
    }

    /// <summary>What the restart policy told the AppHost's log (its event 4: a resource ended by itself and is restarted).</summary>
    private IEnumerable<AppHostLogLine> RestartLines() =>
        _log.Lines.Where(line => line.Category.EndsWith(".CrashRestarter", StringComparison.Ordinal) && line.EventId == 4);
}
