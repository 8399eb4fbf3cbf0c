namespace DeployTests;

/// <summary>The stack of prebuilt images in the account's ECR (the README's CI path): <c>imageRegistry</c> + <c>imageTag</c>.</summary>
public sealed class EcrImagesStack : IDisposable
{
    public const string Registry = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/cart-platform";

    public SynthesizedStack Stack { get; } = new(new Dictionary<string, object> { ["imageRegistry"] = Registry, ["imageTag"] = "1.4.2" });

    public void Dispose() => Stack.Dispose();
}

public class ImageTests(EcrImagesStack images) : IClassFixture<EcrImagesStack>
{
    private static readonly string[] ServiceNames = ["gateway", "cart-api", "payments-api", "events-worker"];

    [Fact]
    public void Each_execution_role_may_pull_its_service_s_image_from_the_ecr_repository()
    {
        foreach (var service in ServiceNames)
        {
            var statements = images.Stack.ExecutionRoleStatements(service);
            var pull = statements.Single(s => SynthesizedStack.Actions([s]).Contains("ecr:BatchGetImage"));

            Assert.Contains("ecr:GetDownloadUrlForLayer", SynthesizedStack.Actions([pull]));
            Assert.Equal($"arn:aws:ecr:eu-west-1:123456789012:repository/cart-platform/{service}", (string?)pull["Resource"]);
            var token = statements.Single(s => SynthesizedStack.Actions([s]).Contains("ecr:GetAuthorizationToken"));
            Assert.Equal("*", (string?)token["Resource"]); // the action takes no resource
        }
    }

    [Fact]
    public void Each_service_runs_the_tagged_image_of_its_own_repository()
    {
        foreach (var service in ServiceNames)
        {
            var image = images.Stack.TaskDefinition(service)["ContainerDefinitions"]![0]!["Image"]!.ToJsonString();

            Assert.Contains("\"123456789012.dkr.ecr.eu-west-1.\"", image, StringComparison.Ordinal);
            Assert.Contains($"\"/cart-platform/{service}:1.4.2\"", image, StringComparison.Ordinal);
        }
    }
}
