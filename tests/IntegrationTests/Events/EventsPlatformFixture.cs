using Aspire.Hosting.ApplicationModel;
using HostingIntegrations.DynamoDBLocal;
using HostingIntegrations.Projects;
using HostingIntegrations.Redis;

namespace IntegrationTests.Events;

/// <summary>
/// A platform of its own for the tests that kill and restart workers, so the shared one stays whole. Beside the
/// AppHost's events-worker it declares a second one, <see cref="SpareWorker"/>, that starts only when a test asks.
/// </summary>
public sealed class EventsPlatformFixture : PlatformFixture
{
    public const string Worker = "events-worker";

    public const string SpareWorker = "events-worker-spare";

    protected override void Configure(IDistributedApplicationTestingBuilder builder)
    {
        var dynamodb = builder.CreateResourceBuilder<DynamoDBLocalResource>("dynamodb");
        var redis = builder.CreateResourceBuilder<RedisServerResource>("redis");
        builder.AddProject<Projects.Events_Worker>(SpareWorker).AsHttpService()
            .WithReference(dynamodb).WithStreamHeartbeat(dynamodb)
            .WithReference(redis)
            .WithExplicitStart();
    }

    /// <summary>Starts a worker (the AppHost's, after a kill, or the spare) and waits until it is healthy.</summary>
    public async Task StartWorkerAsync(string name)
    {
        if (App.ProcessId(name) is null)
        {
            await App.ExecuteCommandAsync(name, KnownResourceCommands.StartCommand);
        }

        await App.ResourceNotifications.WaitForResourceHealthyAsync(name).WaitAsync(TimeSpan.FromMinutes(1));
    }

    /// <summary>Dies without a chance to checkpoint or release its leases; returns once DCP saw it end.</summary>
    public async Task KillWorkerAsync(string name)
    {
        ProcessSignals.Send(App.ProcessId(name) ?? throw new InvalidOperationException($"{name} is not running."), ProcessSignals.SIGKILL);
        await App.ResourceNotifications.WaitForResourceAsync(name, KnownResourceStates.TerminalStates).WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>A graceful stop (SIGTERM): the worker checkpoints and releases its leases.</summary>
    public async Task StopWorkerAsync(string name)
    {
        if (App.ProcessId(name) is not null)
        {
            await App.ExecuteCommandAsync(name, KnownResourceCommands.StopCommand);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class EventsPlatformCollection : ICollectionFixture<EventsPlatformFixture>
{
    public const string Name = "events-platform";
}
