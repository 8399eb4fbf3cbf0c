namespace Orchestration.ApplicationModel;

/// <summary>A named part of the distributed application; behaviour is attached as annotations.</summary>
public interface IResource
{
    string Name { get; }

    ResourceAnnotationCollection Annotations { get; }
}
