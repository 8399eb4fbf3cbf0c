using Aspire.Hosting.Publishing;
using HostingIntegrations.Prerequisites;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace HostingIntegrations.Redis;

/// <summary>Adds <c>redis-server</c> to the app model, the way <c>AddRedis</c> adds the container.</summary>
public static class RedisServerBuilderExtensions
{
    /// <summary>
    /// A Redis cache (no snapshots, no append-only file, <c>volatile-lru</c> eviction) on loopback, behind a generated password, with a health
    /// check so <c>WaitFor</c> works. Referencing it injects <c>ConnectionStrings__{name}</c>. Deployed, it is a
    /// connection-string parameter (ElastiCache's endpoint and AUTH token), never a process.
    /// </summary>
    public static IResourceBuilder<RedisServerResource> AddRedisServer(this IDistributedApplicationBuilder builder, [ResourceName] string name)
    {
        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password", special: false);
        var redis = new RedisServerResource(name, builder.AppHostDirectory, password);

        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(redis, async (_, cancellationToken) =>
            connectionString = await redis.ConnectionStringExpression.GetValueAsync(cancellationToken));
        var healthCheck = $"{name}_check";
        builder.Services.AddHealthChecks().AddRedis(
            _ => connectionString ?? throw new InvalidOperationException($"The connection string of '{name}' is not available yet."),
            healthCheck,
            timeout: TimeSpan.FromSeconds(3));
        builder.Services.TryAddSingleton<RedisPasswordFiles>();
        if (builder.ExecutionContext.IsRunMode)
        {
            builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RedisPasswordFileJanitor>());
        }

        return builder.AddResource(redis)
            // Proxy-less: every cache read would otherwise pass through DCP's TCP proxy.
            .WithEndpoint(name: RedisServerResource.PrimaryEndpointName, scheme: "tcp", isProxied: false)
            .WithArgs(context => AddServerArguments(context, redis))
            .WithHealthCheck(healthCheck)
            .WithPrerequisite(() => ExecutableLookup.IsOnPath(redis.Command)
                ? null
                : "redis-server was not found on PATH. Run ./eng/setup.sh (it installs Java 17, redis-server and DynamoDB Local).")
            .WithManifestPublishingCallback(context => WriteAsConnectionStringParameter(context, redis));
    }

    private static async Task AddServerArguments(CommandLineArgsCallbackContext context, RedisServerResource redis)
    {
        // The password goes in a 0600 config file named first, not in --requirepass: DCP logs every argument,
        // and the dashboard shows that log. Aspire runs this for every start (a restart too), so each start has a
        // file of its own, deleted once read (RedisPasswordFiles).
        var password = await redis.PasswordParameter.GetValueAsync(context.CancellationToken);
        var files = context.ExecutionContext.Services.GetRequiredService<RedisPasswordFiles>();
        context.Args.Add(await files.WriteAsync(redis, password!, context.CancellationToken));
        context.Args.Add("--port");
        context.Args.Add(redis.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
        context.Args.Add("--bind");
        context.Args.Add("127.0.0.1");
        context.Args.Add("--save");
        context.Args.Add("");
        context.Args.Add("--appendonly");
        context.Args.Add("no");

        // Under memory pressure only keys with a TTL (cached carts) may go; the event streams carry none and stay.
        context.Args.Add("--maxmemory-policy");
        context.Args.Add(RedisServerResource.EvictionPolicy);
    }

    /// <summary>Deployed, Redis is the platform's (ElastiCache): its connection string is a secret the deployment supplies.</summary>
    private static void WriteAsConnectionStringParameter(ManifestPublishingContext context, RedisServerResource redis)
    {
        context.Writer.WriteString("type", "parameter.v0");
        context.Writer.WriteString("connectionString", $"{{{redis.Name}.value}}");
        context.Writer.WriteString("value", $"{{{redis.Name}.inputs.value}}");
        context.Writer.WriteStartObject("inputs");
        context.Writer.WriteStartObject("value");
        context.Writer.WriteString("type", "string");
        context.Writer.WriteBoolean("secret", true);
        context.Writer.WriteEndObject();
        context.Writer.WriteEndObject();
    }
}
