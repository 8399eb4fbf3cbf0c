namespace IntegrationTests.AppHost;

/// <summary>The AppHost run the way a developer runs it (<c>dotnet run --project AppHost</c>), stopped the ways they stop it.</summary>
public sealed class AppHostLifecycleTests
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromMinutes(3);

    [Theory]
    [InlineData("Ctrl+C")]
    [InlineData("SIGTERM")]
    public async Task Stopping_the_apphost_stops_every_process_dcp_and_dashboard_included_and_frees_every_port(string stop)
    {
        await using var run = AppHostRun.Start([]);
        await run.WaitUntilHealthyAsync(SystemServices.Expected, StartupTimeout);
        var processes = run.Processes();
        var ports = ProcessTree.ListeningPorts(processes);
        Assert.Contains(processes, p => p.Program == "dcp");
        Assert.Contains(processes, p => p.Program == "Aspire.Dashboard");
        Assert.Contains(processes, p => p.Program == "redis-server");
        Assert.Contains(processes, p => p.Program == "java");
        Assert.Equal(2, processes.Count(p => p.Program == "Cart.Api"));
        Assert.Contains(run.Gateway.Port, ports);
        Assert.Contains(run.Dashboard.Port, ports);

        if (stop == "Ctrl+C")
        {
            // A terminal sends SIGINT to the whole foreground process group — unless this test run was started with
            // SIGINT ignored (a background job of a non-interactive shell), which every child inherits; then SIGTERM.
            ProcessSignals.Send(-run.Id, IgnoresSigint(run.Id) ? ProcessSignals.SIGTERM : ProcessSignals.SIGINT);
        }
        else
        {
            ProcessSignals.Send(run.Id, ProcessSignals.SIGTERM); // dotnet run forwards it to the AppHost
        }

        Assert.True(await run.WaitForExitAsync(TimeSpan.FromSeconds(60)),
            "the AppHost should exit after the signal; it printed last:" + Environment.NewLine + string.Join(Environment.NewLine, run.Output.TakeLast(40)));
        await Eventually.ReturnsAsync(() => Task.FromResult(processes.Where(p => ProcessSignals.IsAlive(p.Id) && !IsZombie(p.Id)).ToList()), alive => alive.Count == 0, TimeSpan.FromSeconds(30));
        Assert.All(ports, port => Assert.False(ProcessTree.IsListening(port), $"port {port} is still bound"));
    }

    [Fact]
    public async Task Missing_redis_java_and_dynamodb_local_give_one_line_each_naming_the_setup_command()
    {
        var dotnetDirectory = Path.GetDirectoryName(Path.GetFullPath(AppHostRun.DotnetHost))!;
        await using var run = AppHostRun.Start(
            ["--DynamoDBLocal:InstallDirectory=/nonexistent/dynamodb-local"],
            new Dictionary<string, string> { ["PATH"] = $"{dotnetDirectory}:/usr/bin/nonexistent" }); // no redis-server, no java (setsid is found by path)

        Assert.True(await run.WaitForExitAsync(StartupTimeout));
        Assert.Equal(1, run.ExitCode);
        var errors = run.Output.Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToArray();
        Assert.Equal(3, errors.Length);
        Assert.Contains(errors, l => l.Contains("redis-server", StringComparison.Ordinal) && l.Contains("./eng/setup.sh", StringComparison.Ordinal));
        Assert.Contains(errors, l => l.Contains("java", StringComparison.Ordinal) && l.Contains("./eng/setup.sh", StringComparison.Ordinal));
        Assert.Contains("error: DynamoDB Local is not installed (/nonexistent/dynamodb-local/DynamoDBLocal.jar is missing). Run ./eng/setup.sh.", errors);
        Assert.DoesNotContain(run.Output, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal)); // no stack trace
        Assert.DoesNotContain(run.Output, l => l.Contains("Unhandled exception", StringComparison.Ordinal));
    }

    private static bool IgnoresSigint(int pid) =>
        File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal)) is { } line
        && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & (1UL << (ProcessSignals.SIGINT - 1))) != 0;

    /// <summary>An exited child the machine's init has not reaped yet: gone in all but its process-table entry.</summary>
    private static bool IsZombie(int pid) =>
        File.Exists($"/proc/{pid}/status") && File.ReadLines($"/proc/{pid}/status").Any(l => l.StartsWith("State:", StringComparison.Ordinal) && l.Contains("Z (zombie)", StringComparison.Ordinal));
}
