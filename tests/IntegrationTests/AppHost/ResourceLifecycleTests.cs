using Aspire.Hosting.ApplicationModel;

namespace IntegrationTests.AppHost;

/// <summary>Part of the model (payments-api and what it needs): a crash as Aspire reports it, and a restart through its commands.</summary>
public sealed class ResourceLifecycleTests : IAsyncLifetime
{
    private DistributedApplication _app = null!;

    public async Task InitializeAsync()
    {
        var builder = await PlatformBuilder.CreateAsync();
        _app = await builder.KeepOnly("payments-api").StartHealthyAsync(TimeSpan.FromMinutes(2));
    }

    public async Task DisposeAsync() => await _app.DisposeAndVerifyNothingLeftAsync();

    [Fact]
    public void A_partial_model_starts_only_what_the_named_resources_need()
    {
        Assert.Equal(["dynamodb", "identity", "payments-api"], _app.Model().Resources.Where(r => r is not IResourceWithParent).Select(r => r.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_killed_service_is_seen_as_exited_with_its_code_and_comes_back_with_the_start_command()
    {
        var pid = _app.ProcessId("payments-api")!.Value;

        ProcessSignals.Send(pid, ProcessSignals.SIGKILL);

        var ended = await _app.ResourceNotifications.WaitForResourceAsync("payments-api", e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text))
            .WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(-1, ended.Snapshot.ExitCode); // how DCP reports a process that a signal ended
        Assert.False(ProcessSignals.IsAlive(pid)); // the service's own process, not a `dotnet run` wrapper whose child lives on

        await _app.ExecuteCommandAsync("payments-api", KnownResourceCommands.StartCommand);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("payments-api").WaitAsync(TimeSpan.FromMinutes(1));
        Assert.NotEqual(pid, _app.ProcessId("payments-api"));
        using var client = new HttpClient { BaseAddress = _app.HttpEndpoint("payments-api") };
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }
}
