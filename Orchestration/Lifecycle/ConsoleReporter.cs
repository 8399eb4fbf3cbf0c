using Orchestration.Hosting;

namespace Orchestration.Lifecycle;

/// <summary>Everything the engine prints: prefixed resource output, the resource table, lifecycle lines.</summary>
public sealed class ConsoleReporter(DistributedApplicationOptions options)
{
    private static readonly ConsoleColor[] Palette =
        [ConsoleColor.Cyan, ConsoleColor.Magenta, ConsoleColor.Yellow, ConsoleColor.Green, ConsoleColor.Blue, ConsoleColor.DarkCyan, ConsoleColor.DarkYellow, ConsoleColor.DarkMagenta];

    private readonly Lock _gate = new();
    private readonly Dictionary<string, ConsoleColor> _colors = [];

    /// <summary>The engine's own lines (not the resources'), kept for tests and the dashboard.</summary>
    public ConsoleLogBuffer Lines { get; } = new(500);

    public void ResourceLine(string replicaName, string line)
    {
        if (!options.EchoResourceOutput)
        {
            return;
        }

        lock (_gate)
        {
            if (!_colors.TryGetValue(replicaName, out var color))
            {
                color = Palette[_colors.Count % Palette.Length];
                _colors[replicaName] = color;
            }

            Console.ForegroundColor = color;
            Console.Write(replicaName.PadRight(16));
            Console.Write("| ");
            Console.ResetColor();
            Console.WriteLine(line);
        }
    }

    public void Info(string message)
    {
        if (options.PrintSummary)
        {
            Write(message, ConsoleColor.Green);
        }
        else
        {
            Lines.Add(message);
        }
    }

    /// <summary>Failures are always printed, in tests too: they explain what went wrong.</summary>
    public void Error(string message) => Write(message, ConsoleColor.Red);

    public void Table(IEnumerable<ReplicaSnapshot> replicas)
    {
        if (options.PrintSummary)
        {
            Write(ResourceTable.Format(replicas), ConsoleColor.White);
        }
    }

    private void Write(string message, ConsoleColor color)
    {
        Lines.Add(message);
        lock (_gate)
        {
            Console.ForegroundColor = color;
            Console.WriteLine(message);
            Console.ResetColor();
        }
    }
}
