using System.Reflection;

namespace HostingIntegrations.Projects;

/// <summary>
/// The built program of each project the AppHost references, as <c>HostingIntegrations.targets</c> records it in the
/// AppHost assembly (<c>[AssemblyMetadata("BuiltProject:&lt;project file&gt;", "&lt;program&gt;")]</c>).
/// </summary>
internal static class BuiltProjectOutputs
{
    private const string Prefix = "BuiltProject:";

    /// <summary>The built program of <paramref name="metadata"/>'s project, or null when the AppHost did not record it.</summary>
    public static string? Find(IProjectMetadata metadata) =>
        metadata.GetType().Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Where(attribute => attribute.Key.StartsWith(Prefix, StringComparison.Ordinal))
            .Where(attribute => PathsEqual(attribute.Key[Prefix.Length..], metadata.ProjectPath))
            .Select(attribute => attribute.Value)
            .FirstOrDefault();

    private static bool PathsEqual(string left, string right) =>
        string.Equals(Path.GetFullPath(left), Path.GetFullPath(right), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
