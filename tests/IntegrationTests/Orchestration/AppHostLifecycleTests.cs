namespace IntegrationTests.Orchestration;

/// <summary>The AppHost executable itself, started and stopped the way a developer does.</summary>
public sealed class AppHostLifecycleTests
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Stopping_the_apphost_stops_every_child_and_frees_every_port()
    {
        var gatewayPort = FreePort();
        await using var appHost = AppHostProcess.Start([$"--Gateway:Port={gatewayPort}"]);

        await appHost.WaitForLineAsync("resources are healthy", StartupTimeout);
        var table = appHost.ResourceTable().Where(r => r.Pid > 0).ToArray();
        Assert.Equal(7, table.Length); // dynamodb, redis, payments-api, cart-api ×2, events-worker, gateway
        Assert.Contains(table, r => r.Name == "gateway" && r.Ports.Contains(gatewayPort));
        Assert.All(table, r => Assert.True(ProcessSignals.IsAlive(r.Pid), $"{r.Name} should be running"));

        // What Ctrl+C sends — unless this test run was started with SIGINT ignored (a background job of a
        // non-interactive shell), which every child inherits; then SIGTERM, which the same handler serves.
        ProcessSignals.Send(appHost.Id, IgnoresSigint(appHost.Id) ? ProcessSignals.SIGTERM : ProcessSignals.SIGINT);

        Assert.True(await appHost.WaitForExitAsync(TimeSpan.FromSeconds(90)),
            "the AppHost should exit after the signal; it printed last:" + Environment.NewLine + string.Join(Environment.NewLine, appHost.Output.TakeLast(40)));
        Assert.Equal(0, appHost.ExitCode);
        Assert.All(table, r => Assert.False(ProcessSignals.IsAlive(r.Pid), $"{r.Name} (pid {r.Pid}) outlived the AppHost"));
        Assert.All(table.SelectMany(r => r.Ports), port => Assert.False(ListeningSockets.IsListening(port), $"port {port} is still bound"));
    }

    [Fact]
    public async Task Missing_redis_and_dynamodb_give_one_line_each_naming_the_setup_command()
    {
        var dotnetDirectory = Path.GetDirectoryName(AppHostProcess.DotnetHost)!;
        await using var appHost = AppHostProcess.Start(
            ["--DynamoDBLocal:InstallDirectory=/nonexistent/dynamodb-local", $"--Gateway:Port={FreePort()}"],
            new Dictionary<string, string> { ["PATH"] = dotnetDirectory }); // no redis-server, no java

        Assert.True(await appHost.WaitForExitAsync(StartupTimeout));
        Assert.Equal(1, appHost.ExitCode);
        var errors = appHost.Output.Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToArray();
        Assert.Contains(errors, l => l.Contains("redis-server", StringComparison.Ordinal) && l.Contains("./eng/setup.sh", StringComparison.Ordinal));
        Assert.Contains(errors, l => l.Contains("java", StringComparison.Ordinal) && l.Contains("./eng/setup.sh", StringComparison.Ordinal));
        Assert.DoesNotContain(appHost.Output, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal)); // no stack trace
    }

    [Fact]
    public async Task A_missing_dynamodb_local_install_names_the_setup_command()
    {
        await using var appHost = AppHostProcess.Start(["--DynamoDBLocal:InstallDirectory=/nonexistent/dynamodb-local", $"--Gateway:Port={FreePort()}"]);

        Assert.True(await appHost.WaitForExitAsync(StartupTimeout));
        Assert.Equal(1, appHost.ExitCode);
        Assert.Contains(appHost.Output, l => l == "error: DynamoDB Local is not installed (/nonexistent/dynamodb-local/DynamoDBLocal.jar is missing). Run ./eng/setup.sh.");
    }

    private static bool IgnoresSigint(int pid) =>
        File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal)) is { } line
        && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & (1UL << (ProcessSignals.SIGINT - 1))) != 0;

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
