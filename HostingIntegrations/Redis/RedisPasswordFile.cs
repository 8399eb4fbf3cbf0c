namespace HostingIntegrations.Redis;

/// <summary>A <c>redis.conf</c> holding only <c>requirepass</c>, readable by this user alone.</summary>
internal static class RedisPasswordFile
{
    private static string Directory => Path.Combine(Path.GetTempPath(), $"redis-server-{Environment.UserName}");

    /// <summary>Writes the file (replacing an older one of the same resource) and returns its path.</summary>
    public static async Task<string> WriteAsync(string resourceName, string password, CancellationToken cancellationToken)
    {
        var directory = Directory;
        System.IO.Directory.CreateDirectory(directory);
        DeleteThoseOfEndedAppHosts(directory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        // One file per AppHost process and resource, so concurrent AppHosts (tests) never share one.
        var path = Path.Combine(directory, $"{Environment.ProcessId}-{resourceName}.conf");
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var writer = new StreamWriter(path, options))
        {
            // redis.conf quoting: a double-quoted string with backslash escapes.
            await writer.WriteLineAsync($"requirepass \"{password.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"".AsMemory(), cancellationToken);
        }

        return path;
    }

    /// <summary>A file outlives its AppHost only when that AppHost was killed; the next one tidies up.</summary>
    private static void DeleteThoseOfEndedAppHosts(string directory)
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(directory, "*.conf"))
        {
            var owner = Path.GetFileName(file).Split('-', 2)[0];
            if (int.TryParse(owner, out var pid) && pid != Environment.ProcessId && !IsRunning(pid))
            {
                File.Delete(file);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
