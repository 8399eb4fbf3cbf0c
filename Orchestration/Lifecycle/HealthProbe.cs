using System.Net.Sockets;
using System.Text;

namespace Orchestration.Lifecycle;

/// <summary>Asks a replica whether it is healthy, the way its annotation says.</summary>
public sealed class HealthProbe(HttpClient http)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<bool> IsHealthyAsync(HealthProbeAnnotation probe, ResourceReplica replica, CancellationToken cancellationToken)
    {
        var endpoint = replica.GetEndpoint(probe.EndpointName);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            return probe.Kind switch
            {
                HealthProbeKind.Http => (int)await GetStatusAsync(endpoint, probe.Path, timeout.Token) is >= 200 and < 300,
                HealthProbeKind.HttpAnyResponse => await GetStatusAsync(endpoint, probe.Path, timeout.Token) > 0,
                HealthProbeKind.RedisPing => await RedisPingAsync(endpoint, timeout.Token),
                _ => false,
            };
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task<System.Net.HttpStatusCode> GetStatusAsync(AllocatedEndpoint endpoint, string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(endpoint.Uri, path), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return response.StatusCode;
    }

    private static async Task<bool> RedisPingAsync(AllocatedEndpoint endpoint, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(endpoint.Host, endpoint.Port, cancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken);
        var buffer = new byte[16];
        var read = await stream.ReadAsync(buffer, cancellationToken);
        return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
    }
}
