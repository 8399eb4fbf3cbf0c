namespace Orchestration.ApplicationModel;

/// <summary>Debian's <c>redis-server</c> as a plain process, no persistence.</summary>
public sealed class RedisResource(string name, string workingDirectory)
    : ExecutableResource(name, "redis-server", workingDirectory), IResourceWithConnectionString
{
    public string GetConnectionString(EndpointResolver endpoints) => endpoints.Primary(this, "tcp").HostAndPort;

    public void ApplyReference(EnvironmentContext context) =>
        context.Variables[$"ConnectionStrings__{Name}"] = GetConnectionString(context.Endpoints);
}
