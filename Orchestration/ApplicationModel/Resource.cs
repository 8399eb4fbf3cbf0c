namespace Orchestration.ApplicationModel;

/// <summary>Base for resources: a name and the annotations the engine reads.</summary>
public abstract class Resource(string name) : IResource
{
    public string Name { get; } = ResourceNames.Validate(name);

    public ResourceAnnotationCollection Annotations { get; } = [];

    public override string ToString() => Name;
}
