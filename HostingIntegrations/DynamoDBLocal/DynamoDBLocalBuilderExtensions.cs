using System.Globalization;
using HostingIntegrations.Health;
using HostingIntegrations.Prerequisites;
using Microsoft.Extensions.Configuration;

namespace HostingIntegrations.DynamoDBLocal;

/// <summary>Adds AWS DynamoDB Local to the app model and points services' AWS SDK at it.</summary>
public static class DynamoDBLocalBuilderExtensions
{
    /// <summary>
    /// DynamoDB Local from <c>.tools/dynamodb-local</c> (installed by <c>eng/setup.sh</c>; <c>DynamoDBLocal:InstallDirectory</c>
    /// overrides), in memory unless <c>DynamoDBLocal:DataDirectory</c> names a folder to keep the tables in across runs
    /// (<see cref="WithDataDirectory"/>), with a health check so <c>WaitFor</c> works. Run mode only: it is left out of the
    /// publish manifest, where services use the real DynamoDB.
    /// </summary>
    public static IResourceBuilder<DynamoDBLocalResource> AddDynamoDBLocal(this IDistributedApplicationBuilder builder, [ResourceName] string name)
    {
        var installDirectory = builder.Configuration["DynamoDBLocal:InstallDirectory"]
            ?? Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".tools", "dynamodb-local"));
        var dynamodb = new DynamoDBLocalResource(name, installDirectory)
        {
            CallsInFlightPerService = builder.Configuration.GetValue("DynamoDBLocal:CallsInFlight", DynamoDBLocalResource.DefaultCallsInFlight) is var calls and > 0 ? calls : null,
        };

        var resource = builder.AddResource(dynamodb)
            // Proxy-less: every DynamoDB call would otherwise pass through DCP's proxy.
            .WithHttpEndpoint(name: DynamoDBLocalResource.PrimaryEndpointName, isProxied: false)
            .WithArgs(context => AddServerArguments(context, dynamodb))
            // DynamoDB Local answers a plain GET / with 400 once it serves requests.
            .WithReadinessHealthCheck(path: "/", statusCode: 400, endpointName: DynamoDBLocalResource.PrimaryEndpointName)
            .WithPrerequisite(() => ExecutableLookup.IsOnPath(dynamodb.Command)
                ? null
                : "java was not found on PATH (DynamoDB Local needs Java 17). Run ./eng/setup.sh.")
            .WithPrerequisite(() => File.Exists(dynamodb.JarPath)
                ? null
                : $"DynamoDB Local is not installed ({dynamodb.JarPath} is missing). Run ./eng/setup.sh.")
            .ExcludeFromManifest();
        return builder.Configuration["DynamoDBLocal:DataDirectory"] is { Length: > 0 } data ? resource.WithDataDirectory(data) : resource;
    }

    /// <summary>Keeps the tables in <paramref name="directory"/> across runs instead of in memory.</summary>
    public static IResourceBuilder<DynamoDBLocalResource> WithDataDirectory(this IResourceBuilder<DynamoDBLocalResource> builder, string directory)
    {
        builder.Resource.DataDirectory = Path.GetFullPath(directory, builder.ApplicationBuilder.AppHostDirectory);
        return builder;
    }

    /// <summary>
    /// Run mode only: points the AWS SDK of <paramref name="builder"/> at DynamoDB Local through its standard variables
    /// (<c>AWS_ENDPOINT_URL_DYNAMODB</c>, <c>AWS_REGION</c>) with dummy credentials. Published, nothing is injected:
    /// the SDK's standard chain finds the regional endpoint and the task role.
    /// </summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<DynamoDBLocalResource> dynamodb)
        where T : IResourceWithEnvironment
    {
        if (!builder.ApplicationBuilder.ExecutionContext.IsRunMode)
        {
            return builder;
        }

        return builder.WithReferenceRelationship(dynamodb.Resource).WithEnvironment(async context =>
        {
            // A test may take DynamoDB Local out of the model; then nothing points at it.
            var model = context.ExecutionContext.Services.GetRequiredService<DistributedApplicationModel>();
            if (!model.Resources.Contains(dynamodb.Resource))
            {
                return;
            }

            context.EnvironmentVariables["AWS_ENDPOINT_URL_DYNAMODB"] = dynamodb.Resource.FaultInjector is { } injector && model.Resources.Contains(injector)
                ? (await injector.Address.WaitAsync(context.CancellationToken)).ToString()
                : dynamodb.Resource.Endpoint;
            context.EnvironmentVariables["AWS_REGION"] = DynamoDBLocalResource.Region;
            context.EnvironmentVariables["AWS_ACCESS_KEY_ID"] = "local";
            context.EnvironmentVariables["AWS_SECRET_ACCESS_KEY"] = "local";
            if (dynamodb.Resource.CallsInFlightPerService is { } calls)
            {
                context.EnvironmentVariables["DynamoDb__MaxCallsInFlight"] = calls.ToString(CultureInfo.InvariantCulture);
                context.EnvironmentVariables["DynamoDb__AdmissionWait"] = "00:00:01"; // with a longer wait the queue only moves into the services
            }
        });
    }

    /// <summary>
    /// Run mode only: turns on the events worker's stream heartbeat (<c>Events:StreamHeartbeatInterval</c>, every
    /// <see cref="DynamoDBLocalResource.StreamHeartbeatInterval"/>). DynamoDB Local answers a poll of a shard by scanning
    /// every stream record written to any table since that shard's own last record, so polling the stream of a table nobody
    /// writes to costs more with every write elsewhere, on the emulator's one database thread; a heartbeat keeps each
    /// shard's last record recent (Events.Worker/README.md, "Heartbeats"). Published, nothing is injected: real DynamoDB
    /// has no such cost.
    /// </summary>
    public static IResourceBuilder<T> WithStreamHeartbeat<T>(this IResourceBuilder<T> builder, IResourceBuilder<DynamoDBLocalResource> dynamodb)
        where T : IResourceWithEnvironment
    {
        if (!builder.ApplicationBuilder.ExecutionContext.IsRunMode)
        {
            return builder;
        }

        return builder.WithEnvironment(context =>
        {
            var model = context.ExecutionContext.Services.GetRequiredService<DistributedApplicationModel>();
            if (model.Resources.Contains(dynamodb.Resource))
            {
                context.EnvironmentVariables["Events__StreamHeartbeatInterval"] = DynamoDBLocalResource.StreamHeartbeatInterval.ToString("c", CultureInfo.InvariantCulture);
            }
        });
    }

    private static void AddServerArguments(CommandLineArgsCallbackContext context, DynamoDBLocalResource dynamodb)
    {
        context.Args.Add($"-Djava.library.path={dynamodb.LibraryPath}");
        context.Args.Add("-jar");
        context.Args.Add(dynamodb.JarPath);
        context.Args.Add("-sharedDb");
        context.Args.Add("-disableTelemetry");
        context.Args.Add("-port");
        context.Args.Add(dynamodb.Endpoint.Property(EndpointProperty.TargetPort));
        if (dynamodb.DataDirectory is { } data)
        {
            Directory.CreateDirectory(data);
            context.Args.Add("-dbPath");
            context.Args.Add(data);
        }
        else
        {
            context.Args.Add("-inMemory");
        }
    }
}
