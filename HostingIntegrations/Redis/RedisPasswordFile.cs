namespace HostingIntegrations.Redis;

/// <summary>A <c>redis.conf</c> holding only <c>requirepass</c>, readable by this user alone.</summary>
internal static class RedisPasswordFile
{
    private static string Directory => Path.Combine(Path.GetTempPath(), $"redis-server-{Environment.UserName}");

    /// <summary>Writes a new file for one start of the resource and returns its path.</summary>
    public static async Task<string> WriteAsync(string resourceName, string password, CancellationToken cancellationToken)
    {
        var directory = Directory;
        System.IO.Directory.CreateDirectory(directory);
        DeleteThoseOfEndedAppHosts(directory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        // One file per start: the process id says whose it is (for the tidy-up), the random part keeps apart the
        // AppHosts that share a process — Aspire.Hosting.Testing runs several in one test process, each with its own
        // password, and one named by process and resource alone would hand each redis-server whichever was written last.
        var path = Path.Combine(directory, $"{Environment.ProcessId}-{resourceName}-{Guid.NewGuid():N}.conf");
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
