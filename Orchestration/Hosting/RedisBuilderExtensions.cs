namespace Orchestration.Hosting;

/// <summary>Declares Redis as Debian's <c>redis-server</c> process.</summary>
public static class RedisBuilderExtensions
{
    public static IResourceBuilder<RedisResource> AddRedis(this DistributedApplicationBuilder builder, string name)
    {
        var resource = new RedisResource(name, builder.Options.RepositoryRoot);
        resource.Annotations.Add(new EndpointAnnotation("tcp", "tcp"));
        resource.Annotations.Add(new HealthProbeAnnotation(HealthProbeKind.RedisPing, "tcp"));
        resource.Annotations.Add(new PrerequisiteAnnotation(() => ExecutableLookup.Find(resource.Command) is null
            ? "redis-server was not found on PATH. Run ./eng/setup.sh (it installs Java 17, redis-server and DynamoDB Local)."
            : null));
        resource.Annotations.Add(new ArgumentsCallbackAnnotation(context =>
        {
            var endpoint = context.Replica.GetEndpoint("tcp");
            // A cache: no snapshots, no append-only file, loopback only.
            foreach (var arg in new[] { "--port", endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", endpoint.Host, "--save", "", "--appendonly", "no" })
            {
                context.Arguments.Add(arg);
            }
        }));
        return builder.AddResource(resource);
    }
}
