namespace Deploy;

/// <summary>
/// What differs per environment, from CDK context (<c>-c name=value</c> or <c>cdk.json</c>):
/// <c>env</c> (stack and resource name prefix, default <c>dev</c>), <c>account</c> and <c>region</c> (default the CLI's),
/// <c>imageRegistry</c> + <c>imageTag</c> (pre-built images <c>{registry}/{service}:{tag}</c>, from a private ECR registry
/// <c>{account}.dkr.ecr.{region}.amazonaws.com[/{prefix}]</c> with the execution role's pull, else public; without them
/// each image is built from <c>deploy/images/Dockerfile</c> as an asset), <c>domainName</c> + <c>certificateArn</c> (HTTPS on the ALB),
/// <c>replicaRegions</c> (comma-separated: global tables), <c>alarmEmail</c>, <c>corsOrigins</c> (comma-separated),
/// <c>seedCatalog</c> (<c>true</c>: cart-api writes the catalog seed at start-up if absent) and <c>traceSampleRatio</c>
/// (the share of requests traced, 0 to 1, default 0.1).
/// </summary>
internal sealed record PlatformSettings(string EnvironmentName)
{
    public string? Account { get; init; }
    public string? Region { get; init; }
    public string? ImageRegistry { get; init; }
    public string? ImageTag { get; init; }
    public string? DomainName { get; init; }
    public string? CertificateArn { get; init; }
    public IReadOnlyList<string> ReplicaRegions { get; init; } = [];
    public string? AlarmEmail { get; init; }
    public IReadOnlyList<string> CorsOrigins { get; init; } = [];
    public bool SeedCatalog { get; init; }

    /// <summary>
    /// The share of requests whose traces are recorded and exported (a request continuing a sampled trace always is).
    /// Recording every request costs the gateway about 2 % of its CPU per request in spans alone (docs/benchmarks.md),
    /// and X-Ray charges per trace.
    /// </summary>
    public double TraceSampleRatio { get; init; } = 0.1;

    /// <summary>The stack's name: <c>CartPlatform-{env}</c>.</summary>
    public string StackName => $"CartPlatform-{EnvironmentName}";

    /// <summary>Whether images are pulled from a registry rather than built as CDK assets.</summary>
    public bool UsesPrebuiltImages => ImageRegistry is not null && ImageTag is not null;

    public static PlatformSettings FromContext(Node node)
    {
        string? Get(string key) => node.TryGetContext(key) is { } value && value.ToString() is { Length: > 0 } text ? text.Trim() : null;
        IReadOnlyList<string> List(string key) =>
            Get(key)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

        var environmentName = Get("env") ?? "dev";
        if (!System.Text.RegularExpressions.Regex.IsMatch(environmentName, "^[a-z][a-z0-9-]{0,19}$"))
        {
            throw new ArgumentException($"Context 'env' must be 1-20 lowercase letters, digits or '-', starting with a letter; got '{environmentName}'.");
        }

        static double ParseRatio(string text) =>
            double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var ratio) && ratio is >= 0 and <= 1
                ? ratio
                : throw new ArgumentException($"Context 'traceSampleRatio' must be a number from 0 to 1; got '{text}'.");

        return new PlatformSettings(environmentName)
        {
            Account = Get("account") ?? System.Environment.GetEnvironmentVariable("CDK_DEFAULT_ACCOUNT"),
            Region = Get("region") ?? System.Environment.GetEnvironmentVariable("CDK_DEFAULT_REGION"),
            ImageRegistry = Get("imageRegistry"),
            ImageTag = Get("imageTag"),
            DomainName = Get("domainName"),
            CertificateArn = Get("certificateArn"),
            ReplicaRegions = List("replicaRegions"),
            AlarmEmail = Get("alarmEmail"),
            CorsOrigins = List("corsOrigins"),
            SeedCatalog = string.Equals(Get("seedCatalog"), "true", StringComparison.OrdinalIgnoreCase),
            TraceSampleRatio = Get("traceSampleRatio") is { } ratio ? ParseRatio(ratio) : 0.1,
        };
    }
}
