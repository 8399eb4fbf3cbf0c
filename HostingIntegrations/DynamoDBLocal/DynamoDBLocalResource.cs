namespace HostingIntegrations.DynamoDBLocal;

/// <summary>AWS DynamoDB Local (the real jar) on Java, as <c>Aspire.Hosting.AWS</c>'s DynamoDB Local resource without a container.</summary>
public sealed class DynamoDBLocalResource(string name, string installDirectory)
    : ExecutableResource(name, "java", workingDirectory: installDirectory), IResourceWithEndpoints
{
    internal const string PrimaryEndpointName = "http";

    /// <summary>DynamoDB Local accepts any region; services are told this one.</summary>
    public const string Region = "us-east-1";

    /// <summary>The HTTP endpoint the AWS SDK talks to.</summary>
    public EndpointReference Endpoint => field ??= new(this, PrimaryEndpointName);

    /// <summary>Where <c>eng/setup.sh</c> put <c>DynamoDBLocal.jar</c> and its native libraries.</summary>
    public string InstallDirectory { get; } = installDirectory;

    /// <summary>
    /// Null keeps the tables in memory; a folder keeps them across runs (<c>-dbPath</c>), so a restart finds the tables
    /// provisioned and the development catalog seeded and skips both (docs/benchmarks.md, "Start-up: what was tried").
    /// </summary>
    public string? DataDirectory { get; internal set; }

    /// <summary>The calls in flight each service gets by default against DynamoDB Local (<see cref="CallsInFlightPerService"/>).</summary>
    public const int DefaultCallsInFlight = 8;

    /// <summary>
    /// The DynamoDB calls each referencing service may have in flight (its <c>DynamoDb:MaxCallsInFlight</c>, with a 1 s
    /// admission wait), from <c>DynamoDBLocal:CallsInFlight</c> (<see cref="DefaultCallsInFlight"/>); 0 makes it null,
    /// which keeps the services' own sizing (64 calls, 5 s), made for DynamoDB. DynamoDB Local works on one SQLite
    /// database, so calls beyond a few in flight only queue inside it; sized to it, a cold platform under load settles
    /// at once instead of staying overloaded for minutes (docs/resilience.md).
    /// </summary>
    public int? CallsInFlightPerService { get; internal set; }

    /// <summary>
    /// How often a stream reader that asks for it writes a heartbeat to each table it reads (<see
    /// cref="DynamoDBLocalBuilderExtensions.WithStreamHeartbeat"/>): the longest run of other tables' stream records a poll
    /// of a quiet shard scans is what a second of writes leaves.
    /// </summary>
    public static readonly TimeSpan StreamHeartbeatInterval = TimeSpan.FromSeconds(1);

    /// <summary>The fault injector services are pointed at instead, when there is one.</summary>
    internal DynamoDBFaults.DynamoDBFaultInjectorResource? FaultInjector { get; set; }

    internal string JarPath => Path.Combine(InstallDirectory, "DynamoDBLocal.jar");

    internal string LibraryPath => Path.Combine(InstallDirectory, "DynamoDBLocal_lib");
}
