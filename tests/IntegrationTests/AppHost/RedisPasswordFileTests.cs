using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Aspire.Hosting.ApplicationModel;
using HostingIntegrations.Redis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IntegrationTests.AppHost;

/// <summary>
/// The real redis-server reads its password from a 0600 config file named first in its arguments; that file is
/// deleted once the server has read it (it is healthy) or its start ended, and every start gets a file of its own.
/// </summary>
public sealed class RedisPasswordFileTests
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task The_password_file_is_gone_once_redis_is_healthy_and_redis_still_asks_for_that_password()
    {
        await using var started = new StartedRedis(await (await PlatformBuilder.CreateAsync()).KeepOnly("redis").StartHealthyAsync(StartupTimeout));

        var file = PasswordFileOf(started.App.Snapshot("redis")!);

        await WaitUntilDeletedAsync(file);
        await AssertAsksForItsPasswordAsync(started.App);
    }

    /// <summary>
    /// The dashboard's Restart, and what the AppHost's restart-on-crash policy does (the Start command after the process
    /// died): both build the arguments again, so the new server gets a file although the first one is deleted.
    /// </summary>
    [Theory]
    [InlineData("restart")]
    [InlineData("kill, then start")]
    public async Task A_new_start_writes_a_new_file_which_is_gone_too_once_the_new_server_is_healthy(string how)
    {
        await using var started = new StartedRedis(await (await PlatformBuilder.CreateAsync()).KeepOnly("redis").StartHealthyAsync(StartupTimeout));
        var first = PasswordFileOf(started.App.Snapshot("redis")!);
        var pid = started.App.ProcessId("redis")!.Value;
        await WaitUntilDeletedAsync(first);

        if (how == "restart")
        {
            await started.App.ExecuteCommandAsync("redis", KnownResourceCommands.RestartCommand);
        }
        else
        {
            ProcessSignals.Send(pid, ProcessSignals.SIGKILL);
            await started.App.ResourceNotifications.WaitForResourceAsync("redis", e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text))
                .WaitAsync(TimeSpan.FromSeconds(30));
            await started.App.ExecuteCommandAsync("redis", KnownResourceCommands.StartCommand);
        }

        var restarted = await started.App.ResourceNotifications.WaitForResourceAsync("redis", e => e.Snapshot.HealthStatus == HealthStatus.Healthy
                && e.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } now && Convert.ToInt32(now, CultureInfo.InvariantCulture) != pid)
            .WaitAsync(TimeSpan.FromMinutes(1));

        var second = PasswordFileOf(restarted.Snapshot);
        Assert.NotEqual(first, second); // written again for the new process, not the first one's path handed over
        await WaitUntilDeletedAsync(second);
        await AssertAsksForItsPasswordAsync(started.App);
    }

    [Fact]
    public async Task The_file_of_a_start_that_failed_is_gone_while_the_apphost_still_runs()
    {
        // A real failure: the port redis-server is told to bind is held, so it exits at once without becoming healthy.
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        var builder = (await PlatformBuilder.CreateAsync()).KeepOnly("redis");
        var endpoint = builder.Resources.Single(r => r.Name == "redis").Annotations.OfType<EndpointAnnotation>().Single();
        endpoint.Port = port;
        endpoint.TargetPort = port;

        await using var started = new StartedRedis(await builder.BuildAsync());
        await started.App.StartAsync();
        var ended = await started.App.ResourceNotifications.WaitForResourceAsync("redis", e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text))
            .WaitAsync(StartupTimeout);

        Assert.NotEqual(HealthStatus.Healthy, ended.Snapshot.HealthStatus);
        await WaitUntilDeletedAsync(PasswordFileOf(ended.Snapshot));
    }

    [Fact]
    public async Task The_file_of_a_server_not_yet_healthy_stays_until_the_apphost_stops()
    {
        // A health check that never passes: redis-server runs, but the AppHost never learns that it read its file.
        var builder = (await PlatformBuilder.CreateAsync()).KeepOnly("redis");
        builder.Services.AddHealthChecks().AddCheck("redis_held_unhealthy", () => HealthCheckResult.Unhealthy("held so by the test"));
        var redis = builder.Resources.Single(r => r.Name == "redis");
        foreach (var check in redis.Annotations.OfType<HealthCheckAnnotation>().ToList())
        {
            redis.Annotations.Remove(check);
        }

        redis.Annotations.Add(new HealthCheckAnnotation("redis_held_unhealthy"));
        var app = await builder.BuildAsync();
        string file;
        try
        {
            await app.StartAsync();
            var running = await app.ResourceNotifications.WaitForResourceAsync("redis", e => e.Snapshot.State?.Text == KnownResourceStates.Running
                    && e.Snapshot.Properties.Any(p => p.Name == "executable.args" && p.Value is IEnumerable<string> args && args.Any()))
                .WaitAsync(StartupTimeout);
            file = PasswordFileOf(running.Snapshot);
            Assert.True(File.Exists(file)); // not deleted before anything showed the server read it
        }
        finally
        {
            await app.DisposeAndVerifyNothingLeftAsync();
        }

        Assert.False(File.Exists(file), $"The password file {file} is still there after its AppHost stopped.");
    }

    /// <summary>The first argument redis-server ran with, as DCP reports it: the config file holding the password.</summary>
    private static string PasswordFileOf(CustomResourceSnapshot snapshot)
    {
        var args = snapshot.Properties.Single(p => p.Name == "executable.args").Value as IEnumerable<string>;
        var file = Assert.Single(args?.Take(1) ?? []);
        Assert.EndsWith(".conf", file, StringComparison.Ordinal);
        return file;
    }

    private static async Task WaitUntilDeletedAsync(string file)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (File.Exists(file) && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(100);
        }

        Assert.False(File.Exists(file), $"The password file {file} is still there 10 s after its redis-server read it or ended.");
    }

    /// <summary>Without AUTH redis-server refuses (the file's requirepass took effect); with the password it answers PING.</summary>
    private static async Task AssertAsksForItsPasswordAsync(DistributedApplication app)
    {
        var endpoint = app.GetEndpoint("redis", "tcp");
        var password = await app.Resource<RedisServerResource>("redis").PasswordParameter.GetValueAsync(CancellationToken.None);

        Assert.StartsWith("-NOAUTH", await ExchangeAsync(endpoint, ["PING"]), StringComparison.Ordinal);
        Assert.Equal("+OK", await ExchangeAsync(endpoint, ["AUTH", password!]));
    }

    /// <summary>One RESP command on a fresh connection, and the first line of the answer.</summary>
    private static async Task<string> ExchangeAsync(Uri endpoint, string[] command)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(endpoint.Host, endpoint.Port);
        var stream = client.GetStream();
        var request = new StringBuilder($"*{command.Length}\r\n");
        foreach (var part in command)
        {
            request.Append($"${Encoding.UTF8.GetByteCount(part)}\r\n{part}\r\n");
        }

        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(5)) ?? "";
    }

    private sealed record StartedRedis(DistributedApplication App) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await App.DisposeAndVerifyNothingLeftAsync();
    }
}
