using System.Globalization;

namespace Orchestration.Hosting;

/// <summary>Declares AWS DynamoDB Local, installed by <c>eng/setup.sh</c> into <c>.tools/dynamodb-local</c>.</summary>
public static class DynamoDBLocalBuilderExtensions
{
    public static IResourceBuilder<DynamoDBLocalResource> AddDynamoDBLocal(this DistributedApplicationBuilder builder, string name)
    {
        var installDirectory = builder.Configuration["DynamoDBLocal:InstallDirectory"]
            ?? Path.Combine(builder.Options.RepositoryRoot, ".tools", "dynamodb-local");
        // Run from the install folder: DynamoDB Local writes a metadata file into its working directory.
        var resource = new DynamoDBLocalResource(name, installDirectory, workingDirectory: installDirectory);
        resource.Annotations.Add(new EndpointAnnotation("http"));
        resource.Annotations.Add(new HealthProbeAnnotation(HealthProbeKind.HttpAnyResponse, Path: "/"));
        resource.Annotations.Add(new PrerequisiteAnnotation(() => CheckInstalled(resource)));
        resource.Annotations.Add(new ArgumentsCallbackAnnotation(context =>
        {
            var args = new List<string>
            {
                $"-Djava.library.path={Path.Combine(resource.InstallDirectory, "DynamoDBLocal_lib")}",
                "-jar", resource.JarPath,
                "-sharedDb", "-disableTelemetry",
                "-port", context.Replica.GetEndpoint().Port.ToString(CultureInfo.InvariantCulture),
            };
            args.AddRange(resource.DataDirectory is { } data ? ["-dbPath", data] : ["-inMemory"]);
            foreach (var arg in args)
            {
                context.Arguments.Add(arg);
            }
        }));
        return builder.AddResource(resource);
    }

    /// <summary>Keeps the tables in <paramref name="directory"/> across runs instead of in memory.</summary>
    public static IResourceBuilder<DynamoDBLocalResource> WithDataDirectory(this IResourceBuilder<DynamoDBLocalResource> builder, string directory)
    {
        Directory.CreateDirectory(directory);
        builder.Resource.DataDirectory = Path.GetFullPath(directory);
        return builder;
    }

    private static string? CheckInstalled(DynamoDBLocalResource resource)
    {
        if (ExecutableLookup.Find("java") is null)
        {
            return "java was not found on PATH (DynamoDB Local needs Java 17). Run ./eng/setup.sh.";
        }

        return File.Exists(resource.JarPath)
            ? null
            : $"DynamoDB Local is not installed ({resource.JarPath} is missing). Run ./eng/setup.sh.";
    }
}
