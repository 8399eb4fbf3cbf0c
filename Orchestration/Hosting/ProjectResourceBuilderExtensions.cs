namespace Orchestration.Hosting;

/// <summary>Declares .NET projects of the solution.</summary>
public static class ProjectResourceBuilderExtensions
{
    /// <summary>A project with an <c>http</c> endpoint, probed at <c>/health</c>.</summary>
    public static IResourceBuilder<ProjectResource> AddProject<TProject>(this DistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new()
    {
        var project = new TProject();
        var resource = new ProjectResource(name, project);
        resource.Annotations.Add(new EndpointAnnotation("http"));
        resource.Annotations.Add(new HealthProbeAnnotation(HealthProbeKind.Http));
        resource.Annotations.Add(new PrerequisiteAnnotation(() => File.Exists(project.TargetPath)
            ? null
            : $"{name}: {project.TargetPath} is not built. Run `dotnet build Aspire.sln` (or `dotnet run --project AppHost`, which builds it)."));
        resource.Annotations.Add(new ArgumentsCallbackAnnotation(context => context.Arguments.Add(project.TargetPath)));
        resource.Annotations.Add(new EnvironmentCallbackAnnotation(context => ApplyProjectEnvironment(context, builder.Options)));
        return builder.AddResource(resource);
    }

    /// <summary>Runs <paramref name="replicas"/> copies; referencing resources see every one of them.</summary>
    public static IResourceBuilder<ProjectResource> WithReplicas(this IResourceBuilder<ProjectResource> builder, int replicas)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 1);
        builder.Resource.Annotations.RemoveAll(a => a is ReplicaAnnotation);
        return builder.WithAnnotation(new ReplicaAnnotation(replicas));
    }

    private static void ApplyProjectEnvironment(EnvironmentContext context, DistributedApplicationOptions options)
    {
        var replica = context.Replica;
        var variables = context.Variables;
        variables["ASPNETCORE_URLS"] = string.Join(';', replica.Endpoints.Values.Select(e => e.ToString()));
        variables["ASPNETCORE_ENVIRONMENT"] = options.EnvironmentName;
        variables["DOTNET_ENVIRONMENT"] = options.EnvironmentName;
        variables["OTEL_SERVICE_NAME"] = replica.Resource.Name;
        variables["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={replica.Name}";
        variables["OTEL_TRACES_SAMPLER"] = "always_on";
        if (options.EnvironmentName == "Development")
        {
            // Aspire's development settings: telemetry shows up within a second.
            variables["OTEL_BSP_SCHEDULE_DELAY"] = "1000";
            variables["OTEL_BLRP_SCHEDULE_DELAY"] = "1000";
            variables["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";
        }

        if (options.OtlpEndpoint is { } otlp)
        {
            variables["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlp;
            variables["OTEL_EXPORTER_OTLP_PROTOCOL"] = options.OtlpProtocol;
        }

        // Plain lines: the engine prefixes and colours them itself.
        variables["DOTNET_SYSTEM_CONSOLE_ALLOW_ANSI_COLOR_REDIRECTION"] = "false";
        variables["Logging__Console__FormatterOptions__SingleLine"] = "true";
    }
}
