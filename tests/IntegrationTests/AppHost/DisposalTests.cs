namespace IntegrationTests.AppHost;

/// <summary>A model started through Aspire.Hosting.Testing, with its dashboard, and disposed: nothing may outlive it.</summary>
public sealed class DisposalTests
{
    [Fact]
    public async Task Disposing_a_started_model_leaves_no_dcp_dashboard_or_resource_process_and_no_bound_port()
    {
        var builder = await PlatformBuilder.CreateAsync(dashboard: true);
        var app = await builder.KeepOnly("payments-api", "redis").StartHealthyAsync(TimeSpan.FromMinutes(2));
        var processes = ProcessTree.OfDcpRunning(app.ResourceProcesses().Select(p => p.ProcessId));
        Assert.Contains(processes, p => p.Program == "dcp");
        Assert.Contains(processes, p => p.Program == "Aspire.Dashboard");
        Assert.Contains(processes, p => p.Program == "redis-server");
        Assert.Contains(processes, p => p.Program == "java");
        Assert.Contains(processes, p => p.Program == "Payments.Api");
        var ports = ProcessTree.ListeningPorts(processes);
        Assert.Contains(app.HttpEndpoint("payments-api").Port, ports);

        await app.DisposeAndVerifyNothingLeftAsync();

        Assert.DoesNotContain(processes, ProcessTree.IsRunning);
        Assert.DoesNotContain(ports, ProcessTree.IsListening);
    }
}
