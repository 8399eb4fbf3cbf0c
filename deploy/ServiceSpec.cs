using Amazon.CDK.AWS.IAM;

namespace Deploy;

/// <summary>
/// One ECS service: its name (the same name service discovery resolves locally, <c>http://cart-api</c>), the project
/// its image publishes, its scale, the configuration it reads from SSM (<see cref="Settings"/>: configuration key →
/// value) and Secrets Manager (<see cref="SecretSettings"/>), and the task-role permissions its code needs.
/// </summary>
internal sealed record ServiceSpec(string Name, string Project)
{
    public const int ContainerPort = 8080;

    public int DesiredCount { get; init; } = 2;

    /// <summary>The most tasks CPU autoscaling may run; a service whose maximum is its desired count is not autoscaled.</summary>
    public int MaxCount { get; init; } = 10;

    /// <summary>Whether other services call it by name (a Service Connect endpoint <c>http://{Name}</c>).</summary>
    public bool Serves { get; init; }

    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, Amazon.CDK.AWS.SecretsManager.ISecret> SecretSettings { get; init; } =
        new Dictionary<string, Amazon.CDK.AWS.SecretsManager.ISecret>();

    public IReadOnlyList<PolicyStatement> Permissions { get; init; } = [];

    /// <summary>Whether the task connects to Redis (its security group then admits the service).</summary>
    public bool UsesRedis { get; init; }
}
