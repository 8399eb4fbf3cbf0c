namespace IntegrationTests.Orchestration;

/// <summary>Starts only part of the model (payments-api and what it needs), then kills a child.</summary>
public sealed class CrashReportingTests : IAsyncLifetime
{
    private DistributedApplication _app = null!;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Program>(cancellationToken: timeout.Token);
        builder.KeepOnly(["payments-api"]);
        _app = builder.Build();
        await _app.StartAsync(timeout.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("payments-api", timeout.Token);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void A_partial_model_starts_only_what_the_named_resources_need()
    {
        Assert.Equal(["dynamodb", "identity", "payments-api"], _app.Resources.Select(r => r.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_killed_child_is_reported_with_its_exit_code_and_last_lines()
    {
        var pid = _app.ResourceNotifications.ReplicasOf("payments-api").Single().ProcessId!.Value;

        ProcessSignals.Send(pid, ProcessSignals.SIGKILL);

        var replicas = await _app.ResourceNotifications.WaitForResourceAsync(
            "payments-api", r => r.All(x => x.State == ResourceState.Exited)).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(137, replicas.Single().ExitCode);
        var report = _app.GetEngineLogs().Single(l => l.StartsWith("payments-api exited unexpectedly", StringComparison.Ordinal));
        Assert.Contains("with code 137", report, StringComparison.Ordinal);
        Assert.Contains("Last lines:", report, StringComparison.Ordinal);
        Assert.Contains(_app.GetConsoleLogs("payments-api")[^1], report, StringComparison.Ordinal);
    }
}
