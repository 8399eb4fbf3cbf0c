using System.Net;
using System.Net.Sockets;

namespace Orchestration.Lifecycle;

/// <summary>Hands out free loopback ports, never the same one twice in a run.</summary>
public sealed class PortAllocator
{
    private readonly HashSet<int> _handedOut = [];

    public int Allocate()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (_handedOut.Add(port))
            {
                return port;
            }
        }
    }

    /// <summary>A fixed port must be free now, or the resource cannot start.</summary>
    public int Reserve(int port, string resourceName)
    {
        if (!IsFree(port))
        {
            throw new PrerequisiteException($"{resourceName}: port {port} is already in use (is another AppHost running?). Stop it, or choose another port.");
        }

        _handedOut.Add(port);
        return port;
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
