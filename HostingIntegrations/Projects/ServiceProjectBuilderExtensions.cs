using HostingIntegrations.Health;

namespace HostingIntegrations.Projects;

/// <summary>How this repository's .NET services run under the AppHost.</summary>
public static class ServiceProjectBuilderExtensions
{
    /// <summary>The path every service maps its readiness checks to (ServiceDefaults' <c>MapDefaultEndpoints</c>).</summary>
    public const string HealthPath = "/health";

    /// <summary>The port every service listens on when published (the deployment's container port, as in deploy/ServiceSpec).</summary>
    public const int PublishedPort = 8080;

    /// <summary>
    /// One plain-http endpoint named <c>http</c>, not behind DCP's proxy (DCP picks the port unless <paramref name="port"/>
    /// is given), <c>/health</c> as the health check <c>WaitFor</c> waits on, and no development certificate (nothing
    /// here serves https). Published, the endpoint is <see cref="PublishedPort"/>, whatever port a developer's run uses. In run mode also the AppHost's environment name, and the built program started directly:
    /// DCP would otherwise start <c>dotnet run --no-build</c>, a second process per replica (~130 MB) that evaluates the
    /// project again before it starts the program — and whose death would orphan the program.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AsHttpService(this IResourceBuilder<ProjectResource> project, int? port = null)
    {
#pragma warning disable ASPIRECERTIFICATES001 // Experimental: http-only services need no certificate, and asking for one raises the dashboard's certificate warning.
        project.WithoutHttpsCertificate();
#pragma warning restore ASPIRECERTIFICATES001
        // Proxy-less: every request between services would otherwise take one more hop through DCP (docs/replicas.md).
        var published = project.ApplicationBuilder.ExecutionContext.IsPublishMode;
        project.WithHttpEndpoint(port: published ? null : port, targetPort: published ? PublishedPort : null, isProxied: false)
            .WithReadinessHealthCheck(HealthPath);
        if (port is null)
        {
            // Only other services call it: on 127.0.0.1, which is then the address they are given, rather than "localhost",
            // which each new connection resolves again (docs/replicas.md). A fixed port is one a browser opens: it keeps
            // "localhost" and answers on both loopbacks.
            project.WithEndpoint("http", endpoint => endpoint.TargetHost = "127.0.0.1");
        }

        if (!project.ApplicationBuilder.ExecutionContext.IsRunMode)
        {
            return project;
        }

        // What a launch profile would set: the services run in the AppHost's environment (Development, locally).
        var environment = project.ApplicationBuilder.Environment.EnvironmentName;
        project.WithEnvironment("ASPNETCORE_ENVIRONMENT", environment).WithEnvironment("DOTNET_ENVIRONMENT", environment);

        if (project.Resource.TryGetLastAnnotation<IProjectMetadata>(out var metadata)
            && BuiltProjectOutputs.Find(metadata) is { } program)
        {
            project.WithAnnotation(new ExecutableAnnotation { Command = program, WorkingDirectory = Path.GetDirectoryName(metadata.ProjectPath)! });
        }

        return project;
    }
}
