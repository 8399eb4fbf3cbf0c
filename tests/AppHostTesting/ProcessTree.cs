using System.Globalization;

namespace AppHostTesting;

/// <summary>One process, as <c>/proc</c> describes it.</summary>
public sealed record SystemProcess(int Id, int ParentId, string CommandLine)
{
    /// <summary>Resident memory now, or 0 when the process is gone.</summary>
    public long ResidentBytes() => KilobytesField($"/proc/{Id}/status", "VmRSS:") * 1024;

    /// <summary>Proportional set size: resident memory with pages shared between processes (one DCP binary, many monitors) divided among them.</summary>
    public long ProportionalBytes() => KilobytesField($"/proc/{Id}/smaps_rollup", "Pss:") * 1024;

    /// <summary>CPU time (user + system) the process has used so far, or zero when it is gone.</summary>
    public TimeSpan CpuTime() => Read(process => process.TotalProcessorTime, TimeSpan.Zero);

    /// <summary>When the process started (local time), or null when it is gone.</summary>
    public DateTime? StartTime() => Read<DateTime?>(process => process.StartTime, null);

    private T Read<T>(Func<System.Diagnostics.Process, T> read, T whenGone)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(Id);
            return read(process);
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            return whenGone; // exited
        }
    }

    /// <summary>The program's file name (<c>dcp</c>, <c>java</c>, <c>Cart.Api</c>, …).</summary>
    public string Program => Path.GetFileName(CommandLine.Split(' ', 2)[0]);

    // "<key>   <n> kB" in a /proc file; 0 when the process is gone.
    private static long KilobytesField(string path, string key)
    {
        var line = ReadLinesOrEmpty(path).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    internal static IEnumerable<string> ReadLinesOrEmpty(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return []; // the process ended while we looked
        }
    }
}

/// <summary>
/// The processes of a running AppHost, found through <c>/proc</c>: everything below the AppHost (or the <c>dotnet run</c>
/// that started it) and below the DCP server that monitors it, which detaches itself from the AppHost's tree.
/// </summary>
public static class ProcessTree
{
    /// <summary>Every process on the machine.</summary>
    public static IReadOnlyList<SystemProcess> All() =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Select(name => Read(int.Parse(name!, CultureInfo.InvariantCulture)))
            .OfType<SystemProcess>()];

    /// <summary>The processes of the system started by <paramref name="rootId"/> (the AppHost or the <c>dotnet run</c> above it).</summary>
    public static IReadOnlyList<SystemProcess> OfAppHost(int rootId)
    {
        var all = All();
        var tree = Below(all, [rootId]);
        var treeIds = tree.Select(p => p.Id).ToHashSet();
        var dcp = all.Where(p => p.CommandLine.Contains("dcp start-apiserver", StringComparison.Ordinal)
            && treeIds.Any(id => p.CommandLine.Contains($"--monitor {id} ", StringComparison.Ordinal)))
            .Select(p => p.Id);
        return [.. tree.Concat(Below(all, dcp)).DistinctBy(p => p.Id)];
    }

    /// <summary>
    /// The DCP tree that runs <paramref name="resourceProcessIds"/>: the DCP server above them (it detaches itself from
    /// whatever started it), and everything below it — controllers, process monitors, the dashboard, every resource.
    /// </summary>
    public static IReadOnlyList<SystemProcess> OfDcpRunning(IEnumerable<int> resourceProcessIds)
    {
        var all = All();
        var byId = all.ToDictionary(p => p.Id);
        var tops = new HashSet<int>();
        foreach (var id in resourceProcessIds)
        {
            var current = byId.GetValueOrDefault(id);
            while (current is not null && byId.GetValueOrDefault(current.ParentId) is { Program: "dcp" } parent)
            {
                current = parent;
            }

            if (current is not null)
            {
                tops.Add(current.Id);
            }
        }

        return Below(all, tops);
    }

    /// <summary>An ended process its parent (here, often the machine's init) has not reaped yet.</summary>
    public static bool IsZombie(int id) =>
        SystemProcess.ReadLinesOrEmpty($"/proc/{id}/status").Any(l => l.StartsWith("State:", StringComparison.Ordinal) && l.Contains("(zombie)", StringComparison.Ordinal));

    /// <summary>True while <paramref name="process"/> runs (not ended, not a zombie).</summary>
    public static bool IsRunning(SystemProcess process) => ProcessSignals.IsAlive(process.Id) && !IsZombie(process.Id);

    /// <summary>The TCP ports <paramref name="processes"/> listen on.</summary>
    public static IReadOnlySet<int> ListeningPorts(IEnumerable<SystemProcess> processes)
    {
        var sockets = processes.SelectMany(p => SocketInodes(p.Id)).ToHashSet();
        return ListeningSockets().Where(s => sockets.Contains(s.Inode)).Select(s => s.Port).ToHashSet();
    }

    /// <summary>True when anything on the machine listens on <paramref name="port"/>.</summary>
    public static bool IsListening(int port) => ListeningSockets().Any(s => s.Port == port);

    private static List<SystemProcess> Below(IReadOnlyList<SystemProcess> all, IEnumerable<int> roots)
    {
        var found = all.Where(p => roots.Contains(p.Id)).ToList();
        for (var i = 0; i < found.Count; i++)
        {
            found.AddRange(all.Where(p => p.ParentId == found[i].Id && found.All(f => f.Id != p.Id)));
        }

        return found;
    }

    private static SystemProcess? Read(int id)
    {
        try
        {
            // /proc/<pid>/stat: "pid (comm) state ppid …", where comm may itself hold spaces and parentheses.
            var stat = File.ReadAllText($"/proc/{id}/stat");
            var afterName = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var commandLine = File.ReadAllText($"/proc/{id}/cmdline").Replace('\0', ' ').Trim();
            return new SystemProcess(id, int.Parse(afterName[1], CultureInfo.InvariantCulture), commandLine);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static IEnumerable<long> SocketInodes(int id)
    {
        const string prefix = "socket:[";
        string[] descriptors;
        try
        {
            descriptors = Directory.GetFiles($"/proc/{id}/fd");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            yield break;
        }

        foreach (var descriptor in descriptors)
        {
            var target = new FileInfo(descriptor).LinkTarget;
            if (target is not null && target.StartsWith(prefix, StringComparison.Ordinal))
            {
                yield return long.Parse(target[prefix.Length..^1], CultureInfo.InvariantCulture);
            }
        }
    }

    private static IEnumerable<(int Port, long Inode)> ListeningSockets()
    {
        const string listen = "0A";
        foreach (var line in new[] { "/proc/net/tcp", "/proc/net/tcp6" }.SelectMany(SystemProcess.ReadLinesOrEmpty).Where(l => !l.TrimStart().StartsWith("sl", StringComparison.Ordinal)))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 9 && fields[3] == listen)
            {
                var port = int.Parse(fields[1][(fields[1].LastIndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                yield return (port, long.Parse(fields[9], CultureInfo.InvariantCulture));
            }
        }
    }
}
