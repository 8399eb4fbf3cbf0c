using Orchestration.ApplicationModel;
using Orchestration.Hosting;

namespace UnitTests.Orchestration;

/// <summary>Builds app models without starting anything, with ports assigned by the test.</summary>
internal static class AppModel
{
    public static DistributedApplicationBuilder NewBuilder() =>
        new([], new DistributedApplicationOptions { AppHostDirectory = "/src/AppHost" });

    /// <summary>Gives every replica of every resource a predictable port: 10000 + 100 × resource + replica.</summary>
    public static EndpointResolver AssignPorts(DistributedApplicationBuilder builder)
    {
        var replicas = new Dictionary<IResource, IReadOnlyList<ResourceReplica>>();
        for (var r = 0; r < builder.Resources.Count; r++)
        {
            var resource = builder.Resources[r];
            var count = resource.Annotations.OfType<ReplicaAnnotation>().LastOrDefault()?.Replicas ?? 1;
            replicas[resource] = Enumerable.Range(0, count)
                .Select(i => new ResourceReplica(resource, i, resource.Annotations.OfType<EndpointAnnotation>()
                    .ToDictionary(e => e.Name, e => new AllocatedEndpoint(e.Name, e.Scheme, "127.0.0.1", 10000 + (100 * r) + i))))
                .ToArray();
        }

        return new EndpointResolver(replicas);
    }
}

internal sealed class CatalogProject : IProjectMetadata
{
    public string ProjectPath => "/src/Catalog.Api/Catalog.Api.csproj";

    public string TargetPath => "/src/Catalog.Api/bin/Debug/net10.0/Catalog.Api.dll";
}

internal sealed class FrontendProject : IProjectMetadata
{
    public string ProjectPath => "/src/Frontend/Frontend.csproj";

    public string TargetPath => "/src/Frontend/bin/Debug/net10.0/Frontend.dll";
}
