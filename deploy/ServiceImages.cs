using Amazon.CDK.AWS.ECR;
using Amazon.CDK.AWS.ECS;

namespace Deploy;

/// <summary>
/// The image of a service: a pre-built <c>{imageRegistry}/{service}:{imageTag}</c> when both are in context, else a CDK
/// asset built by <c>cdk deploy</c> (Docker required then, never at synth) from the repository root with
/// <c>deploy/images/Dockerfile</c> and <c>PROJECT={Project}</c>. From a private ECR registry
/// (<see cref="EcrRegistry"/>) the image is the repository's, which grants the task execution role the pull
/// (<c>ecr:GetAuthorizationToken</c>, <c>ecr:BatchGetImage</c>…); any other registry is pulled without credentials.
/// </summary>
internal static class ServiceImages
{
    public const string Dockerfile = "deploy/images/Dockerfile";

    public static ContainerImage For(Construct scope, ServiceSpec service, PlatformSettings settings)
    {
        if (!settings.UsesPrebuiltImages)
        {
            return ContainerImage.FromAsset(RepositoryRoot.Path, new AssetImageProps
            {
                File = Dockerfile,
                BuildArgs = new Dictionary<string, string> { ["PROJECT"] = service.Project },
                Platform = Amazon.CDK.AWS.Ecr.Assets.Platform_.LINUX_AMD64,
            });
        }

        if (EcrRegistry.Parse(settings.ImageRegistry!) is not { } ecr)
        {
            return ContainerImage.FromRegistry($"{settings.ImageRegistry}/{service.Name}:{settings.ImageTag}");
        }

        var repository = Repository.FromRepositoryAttributes(scope, $"{service.Name}-repository", new RepositoryAttributes
        {
            RepositoryArn = ecr.RepositoryArn(service.Name),
            RepositoryName = ecr.RepositoryName(service.Name),
        });
        return ContainerImage.FromEcrRepository(repository, settings.ImageTag);
    }
}
