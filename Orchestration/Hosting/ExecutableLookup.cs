namespace Orchestration.Hosting;

/// <summary>Finds a program the way a shell does: a path as given, or the first match on <c>PATH</c>.</summary>
public static class ExecutableLookup
{
    public static string? Find(string command)
    {
        if (command.Contains('/'))
        {
            return File.Exists(command) ? Path.GetFullPath(command) : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, command))
            .FirstOrDefault(File.Exists);
    }
}
