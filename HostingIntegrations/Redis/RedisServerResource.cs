namespace HostingIntegrations.Redis;

/// <summary>Debian's <c>redis-server</c> as a process: what Aspire's <c>RedisResource</c> is, without a container engine.</summary>
public sealed class RedisServerResource(string name, string workingDirectory, ParameterResource password)
    : ExecutableResource(name, "redis-server", workingDirectory), IResourceWithConnectionString
{
    internal const string PrimaryEndpointName = "tcp";

    /// <summary>
    /// Evict only keys with a TTL, least recently used first: cached carts may go under memory pressure, the event
    /// streams (no TTL) never. ElastiCache's default, set explicitly in the deployed parameter group too.
    /// </summary>
    public const string EvictionPolicy = "volatile-lru";

    /// <summary>The endpoint clients connect to.</summary>
    public EndpointReference PrimaryEndpoint => field ??= new(this, PrimaryEndpointName);

    /// <summary>The password clients send with AUTH.</summary>
    public ParameterResource PasswordParameter { get; } = password;

    /// <summary><c>host:port,password=…</c>, the StackExchange.Redis form Aspire's Redis resource gives.</summary>
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{PrimaryEndpoint.Property(EndpointProperty.HostAndPort)},password={PasswordParameter}");
}
