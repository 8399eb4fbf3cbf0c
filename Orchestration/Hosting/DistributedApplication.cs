using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Orchestration.Dashboard;
using Orchestration.Dashboard.Telemetry;
using Orchestration.Lifecycle;

namespace Orchestration.Hosting;

/// <summary>A built app model: starts every resource in dependency order, supervises it, stops it.</summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private readonly DistributedApplicationOptions _options;
    private readonly IReadOnlyList<string> _args;
    private readonly IReadOnlyList<IResource> _resources;
    private readonly ConsoleReporter _reporter;
    private readonly HttpClient _probeClient = new(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.FromSeconds(30) });
    private readonly Dictionary<IResource, IReadOnlyList<ReplicaRunner>> _runners = [];
    private readonly Dictionary<IResource, Task<bool>> _healthy = [];
    private readonly CancellationTokenSource _shutdown = new();
    private readonly TimeProvider _time = TimeProvider.System;
    private EndpointResolver? _endpoints;
    private DashboardServer? _dashboard;
    private Task? _stopping;

    internal DistributedApplication(DistributedApplicationBuilder builder)
    {
        _options = builder.Options;
        _args = builder.Args;
        _resources = ResourceGraph.TopologicalOrder(builder.Resources);
        _reporter = new ConsoleReporter(_options);
    }

    /// <summary>Starts an app model; called first thing in <c>AppHost/Program.cs</c>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static DistributedApplicationBuilder CreateBuilder(string[] args) =>
        DistributedApplicationBuilder.Create(args, Assembly.GetCallingAssembly());

    public ResourceNotificationService ResourceNotifications { get; } = new();

    public IReadOnlyList<IResource> Resources => _resources;

    public DistributedApplicationOptions Options => _options;

    /// <summary>What the services exported over OTLP to the dashboard (empty when the dashboard is off).</summary>
    public TelemetryStore Telemetry { get; } = new();

    /// <summary>The dashboard's address, or null when it is off or not started.</summary>
    public Uri? GetDashboardUri() => _dashboard?.Uri;

    /// <summary>The link that signs a browser in to the dashboard (the one printed at start-up).</summary>
    public Uri? GetDashboardLoginUri() => _dashboard?.LoginUri;

    internal EndpointResolver? AllocatedEndpoints => _endpoints;

    /// <summary>Checks prerequisites, starts the dashboard, allocates ports and starts every resource once what it waits for is healthy.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        CheckPrerequisites();
        await StartDashboardAsync(cancellationToken); // first: it holds its ports before the resources' are allocated
        _endpoints = AllocateEndpoints();
        var probe = new HealthProbe(_probeClient);
        foreach (var resource in _resources)
        {
            _runners[resource] = _endpoints.ReplicasOf(resource)
                .Select(replica => new ReplicaRunner(replica, _reporter, probe, ResourceNotifications.Publish, _time, _shutdown.Token))
                .ToArray();
            foreach (var runner in _runners[resource])
            {
                ResourceNotifications.Publish(runner.Snapshot);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        foreach (var resource in _resources)
        {
            _healthy[resource] = StartResourceAsync(resource, _endpoints, _shutdown.Token);
        }
    }

    /// <summary>Runs until Ctrl+C, SIGTERM or <paramref name="cancellationToken"/>, then stops every child.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using var sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnSignal);
        try
        {
            if (await AppHostCommands.TryRunAsync(_args, _resources, _time, Console.Out, stop.Token))
            {
                return;
            }

            await StartAsync(stop.Token);
            var results = await Task.WhenAll(_resources.Select(r => _healthy[r])).WaitAsync(stop.Token);
            ReportStartup(results);
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (PrerequisiteException e)
        {
            _reporter.Error($"error: {e.Message}");
            Environment.ExitCode = 1;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Ctrl+C or SIGTERM: fall through to a clean stop.
        }
        finally
        {
            await StopAsync();
        }

        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true; // we stop the children first, then return from Main
            _shutdown.Cancel(); // before anything else: children that got the same Ctrl+C are exiting as expected
            stop.Cancel();
        }
    }

    /// <summary>Stops dependents before what they depend on; every process is gone when this returns.</summary>
    public Task StopAsync()
    {
        lock (_runners)
        {
            return _stopping ??= StopCoreAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _probeClient.Dispose();
        _shutdown.Dispose();
    }

    /// <summary>An <see cref="HttpClient"/> addressed to the resource's endpoint (its first replica).</summary>
    public HttpClient CreateHttpClient(string resourceName, string endpointName = "http") =>
        new(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = GetEndpoint(resourceName, endpointName) };

    public Uri GetEndpoint(string resourceName, string endpointName = "http") =>
        Endpoints.Primary(Find(resourceName), endpointName).Uri;

    public string GetConnectionString(string resourceName) =>
        Find(resourceName) is IResourceWithConnectionString resource
            ? resource.GetConnectionString(Endpoints)
            : throw new InvalidOperationException($"Resource '{resourceName}' has no connection string.");

    public IReadOnlyList<ResourceReplica> GetReplicas(string resourceName) => Endpoints.ReplicasOf(Find(resourceName));

    /// <summary>What a replica (<c>cart-api-1</c>, <c>redis</c>) printed, most recent last.</summary>
    /// <summary>What the engine itself reported (crashes, failures to start), most recent last.</summary>
    public IReadOnlyList<string> GetEngineLogs() => _reporter.Lines.All();

    public IReadOnlyList<string> GetConsoleLogs(string replicaName) =>
        _runners.Values.SelectMany(r => r).FirstOrDefault(r => r.Replica.Name == replicaName)?.Logs.All()
        ?? throw new ArgumentException($"No replica named '{replicaName}'.", nameof(replicaName));

    private EndpointResolver Endpoints => _endpoints ?? throw new InvalidOperationException("The application has not been started.");

    private IResource Find(string name) =>
        _resources.FirstOrDefault(r => r.Name == name) ?? throw new ArgumentException($"No resource named '{name}'.", nameof(name));

    private void CheckPrerequisites()
    {
        var problems = _resources.SelectMany(r => r.Annotations.OfType<PrerequisiteAnnotation>())
            .Select(p => p.Check()).OfType<string>().Distinct().ToArray();
        if (problems.Length > 0)
        {
            throw new PrerequisiteException(string.Join(Environment.NewLine + "error: ", problems));
        }
    }

    private EndpointResolver AllocateEndpoints()
    {
        var ports = new PortAllocator();
        var replicas = new Dictionary<IResource, IReadOnlyList<ResourceReplica>>();
        foreach (var resource in _resources)
        {
            var count = resource.Annotations.OfType<ReplicaAnnotation>().LastOrDefault()?.Replicas ?? 1;
            replicas[resource] = Enumerable.Range(0, count).Select(index =>
            {
                var endpoints = resource.Annotations.OfType<EndpointAnnotation>().ToDictionary(
                    e => e.Name,
                    e => new AllocatedEndpoint(e.Name, e.Scheme, "127.0.0.1",
                        e.Port is > 0 and var fixedPort && !_options.RandomizePorts && count == 1 ? ports.Reserve(fixedPort, resource.Name) : ports.Allocate()));
                return new ResourceReplica(resource, index, endpoints);
            }).ToArray();
        }

        return new EndpointResolver(replicas);
    }

    private async Task<bool> StartResourceAsync(IResource resource, EndpointResolver endpoints, CancellationToken cancellationToken)
    {
        var runners = _runners[resource];
        var waits = resource.Annotations.OfType<WaitAnnotation>().Where(w => _healthy.ContainsKey(w.Resource)).ToArray();
        if (waits.Length > 0)
        {
            foreach (var runner in runners)
            {
                runner.MarkWaiting();
            }

            foreach (var wait in waits)
            {
                var dependency = _healthy[wait.Resource];
                await ((Task)dependency).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (cancellationToken.IsCancellationRequested || !dependency.IsCompletedSuccessfully || !await dependency)
                {
                    foreach (var runner in runners)
                    {
                        runner.MarkFailedToStart($"it waits for '{wait.Resource.Name}', which did not become healthy.");
                    }

                    return false;
                }
            }
        }

        foreach (var runner in runners)
        {
            if (resource is ExecutableResource)
            {
                runner.Start(LaunchPlan.For(runner.Replica, endpoints));
            }
            else
            {
                runner.MarkReady(); // configuration only (a signing key): nothing to run
            }
        }

        try
        {
            await ResourceNotifications.WaitForResourceHealthyAsync(resource.Name, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is ResourceFailedException or OperationCanceledException)
        {
            return false;
        }
    }

    private async Task StopCoreAsync()
    {
        await StopResourcesAsync();
        if (_dashboard is not null)
        {
            await _dashboard.DisposeAsync();
        }
    }

    private async Task StartDashboardAsync(CancellationToken cancellationToken)
    {
        var options = _options.Dashboard;
        if (!options.Enabled)
        {
            return;
        }

        options.RandomizePorts |= _options.RandomizePorts;
        _dashboard = await DashboardServer.StartAsync(this, options, _time, _reporter, cancellationToken);
        _options.OtlpEndpoint ??= _dashboard.OtlpHttpUri.ToString().TrimEnd('/');
        _reporter.Info($"Login to the dashboard at {_dashboard.LoginUri}");
    }

    private async Task StopResourcesAsync()
    {
        await _shutdown.CancelAsync();
        if (_runners.Count == 0)
        {
            return;
        }

        _reporter.Info("Stopping all resources...");
        // Layer by layer, dependents first, everything in a layer at once: a slow stopper costs one grace period, not one each.
        var running = _resources.ToList();
        while (running.Count > 0)
        {
            var layer = running.Where(r => !running.Any(other => ResourceGraph.DependenciesOf(other).Contains(r))).ToList() is { Count: > 0 } free
                ? free
                : running.ToList();
            await Task.WhenAll(layer.SelectMany(r => _runners[r]).Select(r => r.StopAsync(_options.ShutdownGracePeriod)));
            running.RemoveAll(layer.Contains);
        }

        _reporter.Info("All resources stopped.");
    }

    private void ReportStartup(bool[] results)
    {
        _reporter.Table(ResourceNotifications.Snapshot());
        using var self = Process.GetCurrentProcess();
        var elapsed = _time.GetLocalNow() - new DateTimeOffset(self.StartTime);
        if (results.All(ok => ok))
        {
            _reporter.Info(string.Create(CultureInfo.InvariantCulture,
                $"All {_resources.Count} resources are healthy, {elapsed.TotalSeconds:0.0} s after the AppHost started. Press Ctrl+C to stop."));
        }
        else
        {
            var failed = _resources.Where((_, i) => !results[i]).Select(r => r.Name);
            _reporter.Error($"Not every resource became healthy: {string.Join(", ", failed)}. Their output is above; press Ctrl+C to stop.");
        }

        if (_dashboard is not null)
        {
            _reporter.Info($"Login to the dashboard at {_dashboard.LoginUri}"); // again: the first one has scrolled away by now
        }
    }
}
