using System.Net.Sockets;
using System.Text;

namespace IntegrationTests.Gateway;

/// <summary>
/// Sends a request exactly as written: HttpClient would normalize <c>..</c> and escapes away, and refuses
/// the methods, bytes and sizes a hostile client sends.
/// </summary>
internal static class RawHttp
{
    /// <summary>The status code the server answers to <c>GET <paramref name="target"/></c>.</summary>
    public static async Task<int> GetStatusAsync(Uri server, string target) => (await GetAsync(server, target)).Status;

    /// <summary>The server's answer to <c>GET <paramref name="target"/></c> with <paramref name="headers"/> (each a whole line, without CRLF).</summary>
    public static Task<RawResponse> GetAsync(Uri server, string target, params string[] headers) => SendAsync(server, "GET", target, headers);

    /// <summary>The server's answer to <paramref name="method"/> <paramref name="target"/>; header lines are sent as UTF-8.</summary>
    public static Task<RawResponse> SendAsync(Uri server, string method, string target, params string[] headers) =>
        SendAsync(server, method, target, headers, Encoding.UTF8);

    /// <summary>The server's answer to a request whose lines are encoded with <paramref name="encoding"/> (Latin-1 sends bytes that are not UTF-8).</summary>
    public static async Task<RawResponse> SendAsync(Uri server, string method, string target, IEnumerable<string> headers, Encoding encoding)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        await using var stream = tcp.GetStream();
        var request = new StringBuilder()
            .Append(method).Append(' ').Append(target).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(server.Authority).Append("\r\n");
        foreach (var header in headers)
        {
            request.Append(header).Append("\r\n");
        }

        request.Append("Connection: close\r\n\r\n");
        await stream.WriteAsync(encoding.GetBytes(request.ToString()));

        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();
        return RawResponse.Parse(response);
    }
}

/// <summary>A response as read off the wire (a chunked body keeps its chunk sizes; enough to find a member in it).</summary>
internal sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public static RawResponse Parse(string response)
    {
        if (response.Length == 0)
        {
            throw new InvalidOperationException("The server closed the connection without answering.");
        }

        var headEnd = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = (headEnd < 0 ? response : response[..headEnd]).Split("\r\n");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in head.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon]] = line[(colon + 1)..].Trim();
        }

        return new(int.Parse(head[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), headers, headEnd < 0 ? "" : response[(headEnd + 4)..]);
    }

    /// <summary>Asserts an RFC 9457 problem with <paramref name="status"/> and <paramref name="code"/>.</summary>
    public void AssertProblem(int status, string code)
    {
        Assert.Equal(status, Status);
        Assert.True(Headers.TryGetValue("Content-Type", out var contentType), $"a {Status} without a body; headers: {string.Join(", ", Headers.Keys)}");
        Assert.StartsWith("application/problem+json", contentType, StringComparison.Ordinal);
        Assert.Contains($"\"code\":\"{code}\"", Body, StringComparison.Ordinal);
    }
}
