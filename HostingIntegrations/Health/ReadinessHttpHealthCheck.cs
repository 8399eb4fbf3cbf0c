using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HostingIntegrations.Health;

/// <summary>
/// Healthy when <c>GET {path}</c> on the endpoint answers <c>statusCode</c>. Until the first such answer it keeps
/// asking, every 100 ms for up to <see cref="Patience"/>, instead of failing at once: Aspire polls a resource that is
/// not healthy yet after 1, 2, 3, 4 and 5 s, so a resource ready just after a poll was seen up to 5 s late, at every
/// <c>WaitFor</c> of the start-up. Once the resource has been healthy, the check answers at once, as usual.
/// </summary>
internal sealed class ReadinessHttpHealthCheck(EndpointReference endpoint, string path, int statusCode, Func<HttpClient> client, ReadinessHttpHealthCheck.State state) : IHealthCheck
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var uri = new Uri(new Uri(endpoint.Url), path);
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(state.HasBeenHealthy ? TimeSpan.Zero : Patience);
        using var http = client();
        while (true)
        {
            var result = await AskAsync(http, uri, cancellationToken);
            if (result.Status == HealthStatus.Healthy)
            {
                state.HasBeenHealthy = true;
                return result;
            }

            try
            {
                await Task.Delay(Interval, patience.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return result;
            }
        }
    }

    private async Task<HealthCheckResult> AskAsync(HttpClient http, Uri uri, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(uri, cancellationToken);
            return (int)response.StatusCode == statusCode
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"GET {uri} answered {(int)response.StatusCode}, not {statusCode}.");
        }
        catch (HttpRequestException exception)
        {
            return HealthCheckResult.Unhealthy($"GET {uri} failed: {exception.Message}", exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"GET {uri} timed out.", exception);
        }
    }

    /// <summary>What outlives one check: whether the resource has answered yet.</summary>
    internal sealed class State
    {
        public volatile bool HasBeenHealthy;
    }
}
