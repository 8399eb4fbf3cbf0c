using System.Net.Sockets;
using System.Text;

namespace IntegrationTests.Gateway;

/// <summary>Sends a request target exactly as written: HttpClient would normalize <c>..</c> and escapes away.</summary>
internal static class RawHttp
{
    /// <summary>The status code the server answers to <c>GET <paramref name="target"/></c>.</summary>
    public static async Task<int> GetStatusAsync(Uri server, string target)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        await using var stream = tcp.GetStream();
        var request = $"GET {target} HTTP/1.1\r\nHost: {server.Authority}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));

        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync() ?? throw new InvalidOperationException("The server closed the connection without answering.");
        return int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
