using System.Text.RegularExpressions;

namespace Deploy;

/// <summary>
/// A private ECR registry given as <c>imageRegistry</c>: <c>{account}.dkr.ecr.{region}.amazonaws.com[/{prefix}]</c>
/// (<c>.amazonaws.com.cn</c> in China). A service's image lives in the repository <c>{prefix}/{service}</c> of that
/// account and region, and ECS pulls it with the task execution role, which must be granted the pull.
/// </summary>
internal sealed partial record EcrRegistry(string Account, string Region, string? Prefix, bool China)
{
    /// <summary>The registry, when <paramref name="registry"/> names a private ECR one; null for any other registry.</summary>
    public static EcrRegistry? Parse(string registry) =>
        Address().Match(registry.TrimEnd('/')) is { Success: true } match
            ? new EcrRegistry(
                match.Groups["account"].Value,
                match.Groups["region"].Value,
                match.Groups["prefix"].Success ? match.Groups["prefix"].Value : null,
                match.Groups["china"].Success)
            : null;

    /// <summary>The repository that holds the images of <paramref name="service"/>.</summary>
    public string RepositoryName(string service) => Prefix is null ? service : $"{Prefix}/{service}";

    /// <summary>
    /// A literal ARN, not one of the stack's tokens, so the image URI CDK derives from it stays
    /// <c>{account}.dkr.ecr.{region}.{URLSuffix}/{repository}:{tag}</c>.
    /// </summary>
    public string RepositoryArn(string service) =>
        $"arn:{Partition}:ecr:{Region}:{Account}:repository/{RepositoryName(service)}";

    private string Partition => China ? "aws-cn" : Region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov" : "aws";

    [GeneratedRegex(@"\A(?<account>[0-9]{12})\.dkr\.ecr\.(?<region>[a-z]{2}(-[a-z]+)+-[0-9])\.amazonaws\.com(?<china>\.cn)?(/(?<prefix>[a-z0-9._/-]+))?\z")]
    private static partial Regex Address();
}
