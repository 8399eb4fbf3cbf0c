namespace Orchestration.ApplicationModel;

/// <summary>Where a project lives and what it builds; generated into <c>Projects.*</c> for each project the AppHost references.</summary>
public interface IProjectMetadata
{
    string ProjectPath { get; }

    /// <summary>The built assembly (<c>bin/&lt;Configuration&gt;/net10.0/X.dll</c>).</summary>
    string TargetPath { get; }
}
