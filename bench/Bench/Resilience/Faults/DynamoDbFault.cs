using HostingIntegrations.DynamoDBFaults;
using Commands = HostingIntegrations.DynamoDBFaults.DynamoDBFaultInjectorBuilderExtensions.Commands;

namespace Bench.Resilience.Faults;

/// <summary>
/// A fault of the DynamoDB fault injector (throttle, slow, stall…), set and cleared through its commands as the
/// dashboard does; every call of every service, the worker's stream reads included.
/// </summary>
internal sealed class DynamoDbFault(string name, string description, string command, IReadOnlyDictionary<string, string> arguments) : IFault
{
    private long _injectedBefore;

    public string Name { get; } = name;

    public string Description { get; } = description;

    public static DynamoDbFault Throttling() =>
        new("DynamoDB throttling", "the injector answers 30 % of every DynamoDB call as throttled (transactions cancelled with `ThrottlingError`)",
            Commands.Throttle, new Dictionary<string, string> { ["percent"] = "30" });

    public static DynamoDbFault LatencySpike() =>
        new("DynamoDB latency spike", "the injector delays 50 % of every DynamoDB call by 300 ms",
            Commands.Slow, new Dictionary<string, string> { ["milliseconds"] = "300", ["percent"] = "50" });

    public static DynamoDbFault Stall() =>
        new("DynamoDB stall", "the injector holds every DynamoDB call until the fault is cleared",
            Commands.Stall, new Dictionary<string, string> { ["percent"] = "100" });

    public async Task InjectAsync(FaultContext context, CancellationToken cancellationToken)
    {
        _injectedBefore = Injector(context).InjectedCalls;
        await context.Platform.ExecuteCommandAsync(ResiliencePlatform.Injector, command, arguments, cancellationToken);
    }

    public async Task<FaultOutcome> ClearAsync(FaultContext context, CancellationToken cancellationToken)
    {
        await context.Platform.ExecuteCommandAsync(ResiliencePlatform.Injector, Commands.Clear, cancellationToken);
        return new($"{Injector(context).InjectedCalls - _injectedBefore} DynamoDB calls hit");
    }

    private static DynamoDBFaultInjectorResource Injector(FaultContext context) =>
        context.Platform.Resource<DynamoDBFaultInjectorResource>(ResiliencePlatform.Injector);
}
