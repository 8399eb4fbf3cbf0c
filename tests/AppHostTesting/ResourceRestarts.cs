namespace AppHostTesting;

/// <summary>Waiting for a resource that was restarted to come back as a new process that answers <c>/health</c>.</summary>
public static class ResourceRestarts
{
    /// <summary>
    /// Waits until <paramref name="resourceName"/> runs as a process other than <paramref name="before"/> and its
    /// <c>/health</c> answers 200 (a service whose readiness waits for its start-up work, such as the catalog seed,
    /// answers only once that is done); throws <see cref="TimeoutException"/> after <paramref name="within"/>.
    /// </summary>
    public static async Task WaitUntilRestartedAndHealthyAsync(this DistributedApplication app, string resourceName, int? before, TimeSpan within)
    {
        using var client = new HttpClient();
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var now = app.ProcessId(resourceName);
            if (now is not null && now != before && await IsHealthyAsync(client, new Uri(app.HttpEndpoint(resourceName), "/health")))
            {
                return;
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"{resourceName} did not come back healthy within {within.TotalSeconds:0} s of its restart");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    private static async Task<bool> IsHealthyAsync(HttpClient client, Uri health)
    {
        try
        {
            using var response = await client.GetAsync(health);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
