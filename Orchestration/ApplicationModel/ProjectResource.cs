namespace Orchestration.ApplicationModel;

/// <summary>A .NET project of the solution, run from its build output with <c>dotnet &lt;assembly&gt;.dll</c>.</summary>
public sealed class ProjectResource(string name, IProjectMetadata project)
    : ExecutableResource(name, "dotnet", Path.GetDirectoryName(project.ProjectPath)!), IReferenceableResource
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
}
