using System.Net;

namespace HealthProbe;

/// <summary>One GET of a health endpoint: exit code 0 when it answers 200 within <see cref="Timeout"/>, 1 otherwise, 2 on bad arguments.</summary>
internal static class Probe
{
    /// <summary>Shorter than the ECS check's own timeout, so a slow answer ends as a failed check with a reason rather than a killed process.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public static async Task<int> RunAsync(string[] args, TextWriter log)
    {
        if (args.Length != 1 || !Uri.TryCreate(args[0], UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
        {
            await log.WriteLineAsync("usage: dotnet HealthProbe.dll http://localhost:8080/alive");
            return 2;
        }

        // No proxy (HTTP_PROXY must not take a loopback probe elsewhere) and no redirect: only the endpoint's own 200 counts.
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, ConnectTimeout = Timeout })
        {
            Timeout = Timeout,
        };
        try
        {
            using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return 0;
            }

            await log.WriteLineAsync($"GET {uri} answered {(int)response.StatusCode}.");
        }
        catch (HttpRequestException exception)
        {
            await log.WriteLineAsync($"GET {uri} failed: {exception.Message}");
        }
        catch (TaskCanceledException)
        {
            await log.WriteLineAsync($"GET {uri} did not answer within {Timeout.TotalSeconds:0} s.");
        }

        return 1;
    }
}
