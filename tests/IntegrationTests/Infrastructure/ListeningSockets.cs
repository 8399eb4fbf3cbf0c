using System.Globalization;

namespace IntegrationTests.Infrastructure;

/// <summary>Reads the kernel's socket tables: is anything still listening on a port?</summary>
public static class ListeningSockets
{
    private const string ListenState = "0A";

    public static bool IsListening(int port) =>
        new[] { "/proc/net/tcp", "/proc/net/tcp6" }.Where(File.Exists).SelectMany(File.ReadLines).Skip(1).Any(line =>
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 4 || fields[3] != ListenState)
            {
                return false;
            }

            var localPort = fields[1][(fields[1].LastIndexOf(':') + 1)..];
            return int.Parse(localPort, NumberStyles.HexNumber, CultureInfo.InvariantCulture) == port;
        });
}
