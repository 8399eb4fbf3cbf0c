namespace HostingIntegrations.Prerequisites;

/// <summary>Finds a program the way a shell does: a path as given, or the first match on <c>PATH</c>.</summary>
public static class ExecutableLookup
{
    /// <summary>True when <paramref name="command"/> names an existing file, directly or through <c>PATH</c>.</summary>
    public static bool IsOnPath(string command) => Find(command) is not null;

    /// <summary>The full path of <paramref name="command"/>, or null.</summary>
    public static string? Find(string command)
    {
        if (command.Contains('/'))
        {
            return File.Exists(command) ? Path.GetFullPath(command) : null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, command))
            .FirstOrDefault(File.Exists);
    }
}
