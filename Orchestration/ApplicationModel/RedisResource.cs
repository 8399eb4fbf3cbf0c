namespace Orchestration.ApplicationModel;

/// <summary>Debian's <c>redis-server</c> as a plain process, no persistence.</summary>
public sealed class RedisResource(string name, string workingDirectory)
    : ExecutableResource(name, "redis-server", workingDirectory), IResourceWithConnectionString, IManifestResource
{
    /// <summary>Deployed as the official image (ElastiCache in production: set <c>ConnectionStrings__redis</c> instead).</summary>
    public const string Image = "docker.io/library/redis:7.0";

    public string GetConnectionString(EndpointResolver endpoints) => endpoints.Primary(this, "tcp").HostAndPort;

    public void ApplyReference(EnvironmentContext context) =>
        context.Variables[$"ConnectionStrings__{Name}"] = GetConnectionString(context.Endpoints);

    public void ApplyManifestReference(IDictionary<string, string> environment) =>
        environment[$"ConnectionStrings__{Name}"] = $"{{{Name}.connectionString}}";

    public System.Text.Json.Nodes.JsonObject ToManifest(ManifestContext context) => new()
    {
        ["type"] = "container.v0",
        ["connectionString"] = $"{{{Name}.bindings.tcp.host}}:{{{Name}.bindings.tcp.port}}",
        ["image"] = Image,
        ["args"] = new System.Text.Json.Nodes.JsonArray("--save", "", "--appendonly", "no"),
        ["bindings"] = new System.Text.Json.Nodes.JsonObject { ["tcp"] = ManifestContext.Binding("tcp", "tcp", targetPort: 6379) },
    };
}
