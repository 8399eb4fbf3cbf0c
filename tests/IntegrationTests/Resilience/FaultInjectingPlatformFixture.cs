using HostingIntegrations.DynamoDBFaults;
using Commands = HostingIntegrations.DynamoDBFaults.DynamoDBFaultInjectorBuilderExtensions.Commands;

namespace IntegrationTests.Resilience;

/// <summary>
/// A platform whose services reach DynamoDB Local through the fault injector, driven through its dashboard commands.
/// Tests that share one run one at a time; each clears its fault when done. The hold sweeper is off: its queries, once
/// a second, would land in the faults a test injects and in the calls it counts.
/// </summary>
public abstract class FaultInjectingPlatformFixture : PlatformFixture
{
    public const string Injector = "dynamodb-faults";

    protected override string[] Arguments => ["--DynamoDBLocal:FaultInjector=true"];

    protected override void Configure(IDistributedApplicationTestingBuilder builder)
    {
        foreach (var replica in CartApiReplicaBuilders(builder))
        {
            replica.WithEnvironment("Carts__HoldSweeper__Enabled", "false");
        }
    }

    public DynamoDBFaultInjectorResource Faults => App.Resource<DynamoDBFaultInjectorResource>(Injector);

    /// <summary>Puts a fault in force until the returned scope is disposed.</summary>
    public async Task<IAsyncDisposable> InjectAsync(string command, params (string Name, string Value)[] arguments)
    {
        await App.ExecuteCommandAsync(Injector, command, arguments.ToDictionary(a => a.Name, a => a.Value));
        return new FaultScope(App);
    }

    private sealed class FaultScope(DistributedApplication app) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await app.ExecuteCommandAsync(Injector, Commands.Clear);
    }
}
