using HostingIntegrations.DevelopmentTokens;
using HostingIntegrations.Replicas;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AppHostTesting;

/// <summary>What tests and the bench ask of a running model: addresses, processes, logs, tokens.</summary>
public static class RunningPlatform
{
    /// <summary>Starts the model and waits until every resource it starts by itself is healthy; a failed start leaves nothing running.</summary>
    public static async Task<DistributedApplication> StartHealthyAsync(this IDistributedApplicationTestingBuilder builder, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var app = await builder.BuildAsync(deadline.Token);
        try
        {
            await app.StartAsync(deadline.Token);
            await Task.WhenAll(app.Model().Resources.Where(IsStartedByTheModel).Select(r => app.ResourceNotifications.WaitForResourceHealthyAsync(r.Name, deadline.Token)));
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Disposes the app and checks that it took every process it ran with it — DCP, the dashboard, the stores, the
    /// services — and freed their ports; throws, naming what is left, when it did not.
    /// </summary>
    public static async Task DisposeAndVerifyNothingLeftAsync(this DistributedApplication app, TimeSpan? within = null)
    {
        var processes = ProcessTree.OfDcpRunning(app.ResourceProcesses().Select(p => p.ProcessId));
        var ports = ProcessTree.ListeningPorts(processes);
        await app.DisposeAsync();

        using var deadline = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(30));
        while (processes.Any(ProcessTree.IsRunning) || ports.Any(ProcessTree.IsListening))
        {
            if (deadline.IsCancellationRequested)
            {
                var left = processes.Where(ProcessTree.IsRunning).Select(p => $"{p.Id} {p.CommandLine}");
                throw new InvalidOperationException($"Disposing the app left processes or ports behind: {string.Join("; ", left)} ports {string.Join(", ", ports.Where(ProcessTree.IsListening))}");
            }

            await Task.Delay(100, CancellationToken.None);
        }
    }

    /// <summary>The application model the app runs.</summary>
    public static DistributedApplicationModel Model(this DistributedApplication app) => app.Services.GetRequiredService<DistributedApplicationModel>();

    /// <summary>The resource named <paramref name="name"/>, of type <typeparamref name="T"/>.</summary>
    public static T Resource<T>(this DistributedApplication app, string name) where T : IResource =>
        app.Model().Resources.OfType<T>().Single(r => r.Name == name);

    /// <summary>The base address of a resource's <c>http</c> endpoint.</summary>
    public static Uri HttpEndpoint(this DistributedApplication app, string resourceName) => app.GetEndpoint(resourceName, "http");

    /// <summary>The base address of every replica of a replica set, in replica order.</summary>
    public static IReadOnlyList<Uri> ReplicaEndpoints(this DistributedApplication app, string setName) =>
        [.. app.Resource<ReplicaSetResource>(setName).Replicas.Select(r => app.HttpEndpoint(r.Resource.Name))];

    /// <summary>The names of a replica set's replicas, in order.</summary>
    public static IReadOnlyList<string> ReplicaNames(this DistributedApplication app, string setName) =>
        [.. app.Resource<ReplicaSetResource>(setName).Replicas.Select(r => r.Resource.Name)];

    /// <summary>A resource's connection string (Redis: <c>host:port,password=…</c>).</summary>
    public static async Task<string> ConnectionStringAsync(this DistributedApplication app, string resourceName, CancellationToken cancellationToken = default) =>
        await app.GetConnectionStringAsync(resourceName, cancellationToken) ?? throw new InvalidOperationException($"'{resourceName}' has no connection string.");

    /// <summary>The id of the process DCP started for a resource, while it runs (null before it starts and after it ends).</summary>
    public static int? ProcessId(this DistributedApplication app, string resourceName)
    {
        var snapshot = app.Snapshot(resourceName);
        return snapshot?.State?.Text == KnownResourceStates.Running
            && snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } pid
            ? Convert.ToInt32(pid, System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>Every resource that has a running process, with that process's id.</summary>
    public static IEnumerable<(string Name, int ProcessId)> ResourceProcesses(this DistributedApplication app) =>
        app.Model().Resources
            .Select(resource => (resource.Name, Id: app.ProcessId(resource.Name)))
            .Where(process => process.Id is not null)
            .Select(process => (process.Name, process.Id!.Value));

    /// <summary>The latest snapshot of a resource.</summary>
    public static CustomResourceSnapshot? Snapshot(this DistributedApplication app, string resourceName) =>
        app.ResourceNotifications.TryGetCurrentState(resourceName, out var current) ? current.Snapshot : null;

    /// <summary>Every line a resource printed so far.</summary>
    public static async Task<IReadOnlyList<string>> ConsoleLinesAsync(this DistributedApplication app, string resourceName, CancellationToken cancellationToken = default)
    {
        var lines = new List<string>();
        var logs = app.Services.GetRequiredService<ResourceLoggerService>();
        await foreach (var batch in logs.GetAllAsync(app.Resource<IResource>(resourceName)).WithCancellation(cancellationToken))
        {
            lines.AddRange(batch.Select(line => line.Content));
        }

        return lines;
    }

    /// <summary>Runs a resource command (<c>start</c>, <c>stop</c>, <c>restart</c>, or one of the model's own) and fails if it does.</summary>
    public static async Task<ExecuteCommandResult> ExecuteCommandAsync(this DistributedApplication app, string resourceName, string command, CancellationToken cancellationToken = default)
    {
        var result = await app.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(app.Resource<IResource>(resourceName), command, cancellationToken);
        return result.Success ? result : throw new InvalidOperationException($"'{command}' on '{resourceName}' failed: {result.Message}");
    }

    /// <summary>Runs a resource command with arguments, as the dashboard's command dialog sends them, and fails if it does.</summary>
    public static async Task<ExecuteCommandResult> ExecuteCommandAsync(
        this DistributedApplication app, string resourceName, string command, IReadOnlyDictionary<string, string> arguments, CancellationToken cancellationToken = default)
    {
        var inputs = new InteractionInputCollection([.. arguments.Select(argument => new InteractionInput { Name = argument.Key, InputType = InputType.Text, Value = argument.Value })]);
        var result = await app.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(app.Resource<IResource>(resourceName), command, inputs, cancellationToken);
        return result.Success ? result : throw new InvalidOperationException($"'{command}' on '{resourceName}' failed: {result.Message}");
    }

    /// <summary>The development token issuer of the model.</summary>
    public static DevelopmentTokenIssuerResource TokenIssuer(this DistributedApplication app) =>
        app.Model().Resources.OfType<DevelopmentTokenIssuerResource>().Single();

    /// <summary>Resources the model starts by itself: not Aspire's hidden helpers (a project's rebuilder), parameters, or those that start on request.</summary>
    private static bool IsStartedByTheModel(IResource resource) =>
        resource is not (IResourceWithParent or ParameterResource) && !resource.Annotations.OfType<ExplicitStartupAnnotation>().Any();

    /// <summary>True when <paramref name="snapshot"/> says healthy.</summary>
    public static bool IsHealthy(this CustomResourceSnapshot? snapshot) => snapshot?.HealthStatus == HealthStatus.Healthy;
}
