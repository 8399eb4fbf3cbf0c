namespace Orchestration.ApplicationModel;

/// <summary>A .NET project of the solution, run from its build output with <c>dotnet &lt;assembly&gt;.dll</c>.</summary>
public sealed class ProjectResource(string name, IProjectMetadata project)
    : ExecutableResource(name, "dotnet", Path.GetDirectoryName(project.ProjectPath)!), IReferenceableResource, IManifestResource
{
    public IProjectMetadata Project { get; } = project;

    /// <summary>Service discovery the way Aspire 13 injects it: <c>services__name__endpoint__i</c> per replica, plus <c>NAME_ENDPOINT</c>.</summary>
    public void ApplyReference(EnvironmentContext context)
    {
        var replicas = context.Endpoints.ReplicasOf(this);
        foreach (var endpoint in Annotations.OfType<EndpointAnnotation>())
        {
            for (var i = 0; i < replicas.Count; i++)
            {
                context.Variables[$"services__{Name}__{endpoint.Name}__{i}"] = replicas[i].GetEndpoint(endpoint.Name).ToString();
            }

            context.Variables[$"{ResourceNames.ToEnvironmentName(Name)}_{ResourceNames.ToEnvironmentName(endpoint.Name)}"] =
                replicas[0].GetEndpoint(endpoint.Name).ToString();
        }
    }

    public void ApplyManifestReference(IDictionary<string, string> environment)
    {
        foreach (var endpoint in Annotations.OfType<EndpointAnnotation>())
        {
            var url = $"{{{Name}.bindings.{endpoint.Name}.url}}";
            environment[$"services__{Name}__{endpoint.Name}__0"] = url;
            environment[$"{ResourceNames.ToEnvironmentName(Name)}_{ResourceNames.ToEnvironmentName(endpoint.Name)}"] = url;
        }
    }

    /// <summary>A <c>project.v0</c>: the deployer builds the project; an endpoint with a fixed port (the gateway's) is external.</summary>
    public System.Text.Json.Nodes.JsonObject ToManifest(ManifestContext context)
    {
        var environment = ManifestContext.ReferenceEnvironment(this);
        environment["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true";
        environment["OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EXCEPTION_LOG_ATTRIBUTES"] = "true";
        environment["OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EVENT_LOG_ATTRIBUTES"] = "true";
        var bindings = new System.Text.Json.Nodes.JsonObject();
        foreach (var endpoint in Annotations.OfType<EndpointAnnotation>())
        {
            bindings[endpoint.Name] = ManifestContext.Binding(endpoint.Scheme, "http", external: endpoint.Port is not null);
            environment["HTTP_PORTS"] = $"{{{Name}.bindings.{endpoint.Name}.targetPort}}";
        }

        return new()
        {
            ["type"] = "project.v0",
            ["path"] = Path.GetRelativePath(context.ManifestDirectory, Project.ProjectPath),
            ["env"] = environment,
            ["bindings"] = bindings,
        };
    }
}
