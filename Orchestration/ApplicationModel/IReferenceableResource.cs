namespace Orchestration.ApplicationModel;

/// <summary>A resource that others can reference: it says which variables a referencing resource receives.</summary>
public interface IReferenceableResource : IResource
{
    void ApplyReference(EnvironmentContext context);

    /// <summary>The same variables as deployment-time expressions, for the manifest.</summary>
    void ApplyManifestReference(IDictionary<string, string> environment);
}

/// <summary>A resource with a connection string (<c>ConnectionStrings__name</c>), readable by tests.</summary>
public interface IResourceWithConnectionString : IReferenceableResource
{
    string GetConnectionString(EndpointResolver endpoints);
}
