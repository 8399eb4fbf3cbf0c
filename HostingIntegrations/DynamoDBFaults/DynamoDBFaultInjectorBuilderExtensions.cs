using System.Globalization;
using HostingIntegrations.DynamoDBLocal;
using Microsoft.Extensions.Hosting;

namespace HostingIntegrations.DynamoDBFaults;

/// <summary>Puts a fault injector between DynamoDB Local and the services that reference it.</summary>
public static class DynamoDBFaultInjectorBuilderExtensions
{
    /// <summary>Command names, for tests that drive the injector as the dashboard does.</summary>
    public static class Commands
    {
        public const string Throttle = "throttle";
        public const string Fail = "fail";
        public const string Slow = "slow";
        public const string Stall = "stall";
        public const string HoldAnswers = "hold-answers";
        public const string LagIndexes = "lag-indexes";
        public const string Clear = "clear";
    }

    /// <summary>
    /// When <paramref name="enabled"/> (off by default: <c>DynamoDBLocal:FaultInjector</c>), adds <c>&lt;name&gt;-faults</c>
    /// under DynamoDB Local: an HTTP proxy in the AppHost process that every <c>WithReference(dynamodb)</c> points the
    /// AWS SDK at, and dashboard commands that throttle, fail, slow or stall a share of the calls, or answer queries of
    /// an index as a lagging index does. Run mode only; it is never in a manifest.
    /// </summary>
    public static IResourceBuilder<DynamoDBLocalResource> WithFaultInjector(this IResourceBuilder<DynamoDBLocalResource> dynamodb, bool enabled = true)
    {
        var builder = dynamodb.ApplicationBuilder;
        if (!enabled || !builder.ExecutionContext.IsRunMode)
        {
            return dynamodb;
        }

        var injector = new DynamoDBFaultInjectorResource($"{dynamodb.Resource.Name}-faults", dynamodb.Resource);
        dynamodb.Resource.FaultInjector = injector;
        builder.Services.AddSingleton<IHostedService>(new FaultProxyLifetime(injector.Proxy));
        builder.Eventing.Subscribe<InitializeResourceEvent>(injector, async (@event, cancellationToken) =>
        {
            // Started here, not by the hosted service: the AppHost initializes resources before it starts hosted services.
            await injector.Proxy.StartAsync(cancellationToken);
            var address = await injector.Address;
            await @event.Notifications.PublishUpdateAsync(injector, snapshot => snapshot with
            {
                ResourceType = "FaultInjector",
                State = KnownResourceStates.Running,
                Urls = [new UrlSnapshot("proxy", address.ToString(), IsInternal: true)],
                Properties = [.. snapshot.Properties, new("fault", "none")],
            });
        });

        builder.AddResource(injector)
            .WithIconName("Flash")
            .WithCommand(Commands.Throttle, "Throttle", context => ApplyAsync(injector, context, ThrottleFrom), new CommandOptions
            {
                Description = "Answers a share of the calls as throttled DynamoDB does (transactions: cancelled with ThrottlingError; batches of several keys or writes: part done, the rest returned unprocessed), and may delay the rest of them.",
                IconName = "TopSpeed",
                Arguments = [Percent(), Operations(), new InteractionInput
                {
                    Name = "error",
                    Label = "Error (calls other than transactions)",
                    InputType = InputType.Choice,
                    Options = [.. DynamoDBErrors.ThrottlingErrors.Select(error => KeyValuePair.Create(error, error))],
                    Value = DynamoDBErrors.ProvisionedThroughputExceeded,
                }, new InteractionInput
                {
                    Name = "milliseconds",
                    Label = "Delay of the calls not throttled (ms)",
                    InputType = InputType.Number,
                    Value = "0",
                }],
            })
            .WithCommand(Commands.Fail, "Fail with 500", context => ApplyAsync(injector, context, args => new(DynamoDBFaultKind.ServerError, PercentOf(args), OperationsOf(args))), new CommandOptions
            {
                Description = "Answers a share of the calls with 500 InternalServerError.",
                IconName = "ErrorCircle",
                Arguments = [Percent(), Operations()],
            })
            .WithCommand(Commands.Slow, "Add latency", context => ApplyAsync(injector, context, SlowFrom), new CommandOptions
            {
                Description = "Delays a share of the calls before forwarding them.",
                IconName = "Clock",
                Arguments = [new InteractionInput { Name = "milliseconds", Label = "Delay (ms)", InputType = InputType.Number, Value = "500", Required = true }, Percent(), Operations()],
            })
            .WithCommand(Commands.Stall, "Stall", context => ApplyAsync(injector, context, args => new(DynamoDBFaultKind.Stall, PercentOf(args), OperationsOf(args))), new CommandOptions
            {
                Description = "Holds a share of the calls until the fault is cleared or the caller times out.",
                IconName = "Pause",
                Arguments = [Percent(), Operations()],
            })
            .WithCommand(Commands.HoldAnswers, "Hold answers", context => ApplyAsync(injector, context, args => new(DynamoDBFaultKind.HoldAnswer, PercentOf(args), OperationsOf(args))), new CommandOptions
            {
                Description = "Forwards a share of the calls at once and holds DynamoDB's answers until the fault is cleared or the caller times out: each call takes effect when made, its caller hears of it later.",
                IconName = "PauseCircle",
                Arguments = [Percent(), Operations()],
            })
            .WithCommand(Commands.LagIndexes, "Lag indexes", context => ApplyAsync(injector, context, LagFrom), new CommandOptions
            {
                Description = "Answers a share of the queries of a secondary index (one named index, or every one) as if the index had not caught up with the table: no items. Base-table queries, other indexes' queries and other calls go through.",
                IconName = "ArrowSync",
                Arguments = [Percent(), new InteractionInput
                {
                    Name = "index",
                    Label = "Index",
                    InputType = InputType.Text,
                    Placeholder = "GSI1 (empty: every index)",
                }],
            })
            .WithCommand(Commands.Clear, "Clear fault", context => ApplyAsync(injector, context, _ => null), new CommandOptions
            {
                Description = "Forwards every call again; stalled calls go on.",
                IconName = "Checkmark",
                IsHighlighted = true,
            })
            .ExcludeFromManifest();
        return dynamodb;
    }

    private static async Task<ExecuteCommandResult> ApplyAsync(
        DynamoDBFaultInjectorResource injector, ExecuteCommandContext context, Func<InteractionInputCollection?, DynamoDBFault?> faultFrom)
    {
        DynamoDBFault? fault;
        try
        {
            fault = faultFrom(context.Arguments);
        }
        catch (FormatException exception)
        {
            return CommandResults.Failure(exception.Message);
        }

        injector.Proxy.Apply(fault);
        var description = fault?.Describe() ?? "none";
        await context.Services.GetRequiredService<ResourceNotificationService>().PublishUpdateAsync(injector, snapshot => snapshot with
        {
            Properties = [.. snapshot.Properties.Where(p => p.Name != "fault"), new("fault", description)],
        });
        return CommandResults.Success($"DynamoDB fault: {description}");
    }

    private static DynamoDBFault ThrottleFrom(InteractionInputCollection? args) =>
        new(DynamoDBFaultKind.Throttle, PercentOf(args), OperationsOf(args))
        {
            ThrottlingError = args?.GetString("error") is { Length: > 0 } error
                ? DynamoDBErrors.ThrottlingErrors.Contains(error) ? error : throw new FormatException($"'{error}' is not a throttling error DynamoDB answers.")
                : DynamoDBErrors.ProvisionedThroughputExceeded,
            Latency = TimeSpan.FromMilliseconds(WholeNumber(args?.GetString("milliseconds"), fallback: 0, max: 600_000, "The delay")),
        };

    private static DynamoDBFault LagFrom(InteractionInputCollection? args) =>
        new(DynamoDBFaultKind.IndexLag, PercentOf(args)) { Index = args?.GetString("index") is { } index && !string.IsNullOrWhiteSpace(index) ? index.Trim() : null };

    private static DynamoDBFault SlowFrom(InteractionInputCollection? args) =>
        new(DynamoDBFaultKind.Latency, PercentOf(args), OperationsOf(args))
        {
            Latency = TimeSpan.FromMilliseconds(WholeNumber(args?.GetString("milliseconds"), fallback: 500, max: 600_000, "The delay")),
        };

    private static int PercentOf(InteractionInputCollection? args) => WholeNumber(args?.GetString("percent"), fallback: 100, max: 100, "The share of calls");

    private static HashSet<string>? OperationsOf(InteractionInputCollection? args) =>
        args?.GetString("operations") is { Length: > 0 } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal)
            : null;

    private static int WholeNumber(string? text, int fallback, int max, string what) =>
        string.IsNullOrWhiteSpace(text) ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= max ? value
        : throw new FormatException($"{what} must be a whole number from 0 to {max}, not '{text}'.");

    private static InteractionInput Percent() =>
        new() { Name = "percent", Label = "Share of calls (%)", InputType = InputType.Number, Value = "100" };

    private static InteractionInput Operations() =>
        new() { Name = "operations", Label = "Operations", InputType = InputType.Text, Placeholder = "TransactWriteItems, PutItem (empty: every call)" };

    /// <summary>Stops the proxy when the AppHost stops.</summary>
    private sealed class FaultProxyLifetime(DynamoDBFaultProxy proxy) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => proxy.DisposeAsync().AsTask();
    }
}
