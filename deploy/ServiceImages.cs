using Amazon.CDK.AWS.ECS;

namespace Deploy;

/// <summary>
/// The image of a service: a pre-built <c>{imageRegistry}/{service}:{imageTag}</c> when both are in context, else a CDK
/// asset built by <c>cdk deploy</c> (Docker required then, never at synth) from the repository root with
/// <c>deploy/images/Dockerfile</c> and <c>PROJECT={Project}</c>.
/// </summary>
internal static class ServiceImages
{
    public const string Dockerfile = "deploy/images/Dockerfile";

    public static ContainerImage For(ServiceSpec service, PlatformSettings settings) => settings.UsesPrebuiltImages
        ? ContainerImage.FromRegistry($"{settings.ImageRegistry}/{service.Name}:{settings.ImageTag}")
        : ContainerImage.FromAsset(RepositoryRoot.Path, new AssetImageProps
        {
            File = Dockerfile,
            BuildArgs = new Dictionary<string, string> { ["PROJECT"] = service.Project },
            Platform = Amazon.CDK.AWS.Ecr.Assets.Platform_.LINUX_AMD64,
        });
}
