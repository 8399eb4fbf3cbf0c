using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Aspire.Hosting.ApplicationModel;

namespace IntegrationTests.Gateway;

/// <summary>Rate limits and replica failure, on a system of their own (<see cref="IsolatedGatewayFixture"/>).</summary>
public sealed class GatewayIsolationTests(IsolatedGatewayFixture platform) : IClassFixture<IsolatedGatewayFixture>
{
    private const string RetryLogLine = "trying another replica";

    [Fact]
    public async Task A_burst_over_a_clients_bucket_is_answered_with_429_and_retry_after()
    {
        using var client = DeviceClient("burst");

        // A path with no route: the burst costs the gateway alone, and is counted like any other request.
        var responses = await Task.WhenAll(Enumerable.Range(0, 2 * IsolatedGatewayFixture.ClientTokenLimit).Select(_ => client.GetAsync("/rate-limit-probe")));

        // The bucket refills continuously (50 tokens a minute), so a slow burst may earn a few tokens.
        // The address's bucket (300) is far from empty: the device's own bucket is what answers.
        var served = responses.Count(r => r.StatusCode == HttpStatusCode.NotFound);
        Assert.InRange(served, IsolatedGatewayFixture.ClientTokenLimit, IsolatedGatewayFixture.ClientTokenLimit + 10);
        Assert.Equal(responses.Length - served, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        var limited = responses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        Assert.InRange(limited.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Another_clients_burst_does_not_limit_this_client()
    {
        using var neighbour = DeviceClient("noisy");
        var burst = await Task.WhenAll(Enumerable.Range(0, 2 * IsolatedGatewayFixture.ClientTokenLimit).Select(_ => neighbour.GetAsync("/rate-limit-probe")));
        using var client = DeviceClient("quiet");

        using var response = await client.GetAsync("/rate-limit-probe");

        Assert.Contains(burst, r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Many_devices_behind_one_address_share_the_addresss_bucket()
    {
        // From an address of its own (all of 127.0.0.0/8 is loopback), so the other tests keep 127.0.0.1's tokens.
        var shared = IPAddress.Parse("127.0.0.2");
        var devices = Enumerable.Range(0, 10).Select(i => DeviceClient($"shared{i}", shared)).ToArray();
        var perDevice = IsolatedGatewayFixture.IpTokenLimit / devices.Length + 10; // under each device's bucket; over the address's in all

        var responses = await Task.WhenAll(devices.SelectMany(device => Enumerable.Range(0, perDevice).Select(_ => device.GetAsync("/rate-limit-probe"))));
        using var elsewhere = DeviceClient("elsewhere");
        using var response = await elsewhere.GetAsync("/rate-limit-probe");

        var served = responses.Count(r => r.StatusCode == HttpStatusCode.NotFound);
        Assert.InRange(served, IsolatedGatewayFixture.IpTokenLimit, IsolatedGatewayFixture.IpTokenLimit + 10);
        Assert.Equal(responses.Length - served, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        await responses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests).AssertProblemAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        foreach (var device in devices)
        {
            device.Dispose();
        }
    }

    [Fact]
    public async Task A_client_cannot_choose_its_address_with_x_forwarded_for()
    {
        // From an address of its own and without a device cookie, so the address's bucket is the only one that counts;
        // each request claims another address. No load balancer is trusted here (ForwardedHeaders:TrustedNetworks).
        using var client = AddressClient(IPAddress.Parse("127.0.0.3"));
        var requests = Enumerable.Range(0, IsolatedGatewayFixture.IpTokenLimit + 30).Select(i =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/rate-limit-probe");
            request.Headers.Add("X-Forwarded-For", $"198.51.{i / 250}.{i % 250}");
            return request;
        }).ToArray();

        var responses = await Task.WhenAll(requests.Select(request => client.SendAsync(request)));

        var served = responses.Count(r => r.StatusCode == HttpStatusCode.NotFound);
        Assert.InRange(served, IsolatedGatewayFixture.IpTokenLimit, IsolatedGatewayFixture.IpTokenLimit + 10);
        Assert.Equal(responses.Length - served, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        foreach (var request in requests)
        {
            request.Dispose();
        }
    }

    [Fact]
    public async Task A_dead_cart_replica_is_retried_around_then_ejected()
    {
        var victim = platform.App.ReplicaNames("cart-api")[1];
        ProcessSignals.Send(platform.App.ProcessId(victim)!.Value, ProcessSignals.SIGKILL);
        await platform.App.ResourceNotifications.WaitForResourceAsync(victim, KnownResourceStates.TerminalStates).WaitAsync(TimeSpan.FromSeconds(30));
        using var client = platform.CreateGatewayClient();

        // Round robin sends every other request to the dead replica first: a refused connection sent
        // nothing, so even a POST is safe to send again.
        var created = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await client.PostAsJsonAsync("/carts", new { });
            created.Add(response.StatusCode);
        }

        var read = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var response = await client.GetAsync($"/carts/{Guid.NewGuid():N}");
            read.Add(response.StatusCode);
        }

        var retriesBefore = await RetriesAsync();
        for (var i = 0; i < 10; i++)
        {
            using var response = await client.GetAsync($"/carts/{Guid.NewGuid():N}");
            read.Add(response.StatusCode);
        }

        Assert.All(created, status => Assert.Equal(HttpStatusCode.Created, status));
        Assert.All(read, status => Assert.Equal(HttpStatusCode.NotFound, status));
        var logs = await platform.App.ConsoleLinesAsync("gateway");
        Assert.True(
            logs.Any(line => line.Contains("POST /carts failed", StringComparison.Ordinal) && line.Contains(RetryLogLine, StringComparison.Ordinal)),
            "a POST should have been retried on the live replica; the gateway logged:\n" + string.Join('\n', logs.TakeLast(60)));
        Assert.Equal(retriesBefore, await RetriesAsync()); // ejected: nothing is sent to it any more
    }

    /// <summary>
    /// A client that is one device (a fresh, well-formed cookie), so each test has a bucket of its own; from
    /// <paramref name="source"/> when given (the gateway listens on loopback).
    /// </summary>
    private HttpClient DeviceClient(string name, IPAddress? source = null)
    {
        var client = AddressClient(source);
        client.DefaultRequestHeaders.Add("Cookie", $"deviceId={name}{Guid.NewGuid():N}");
        return client;
    }

    /// <summary>A client without a device cookie (it keeps none the gateway sets), from <paramref name="source"/> when given.</summary>
    private HttpClient AddressClient(IPAddress? source)
    {
        var handler = new SocketsHttpHandler { UseProxy = false, UseCookies = false };
        if (source is not null)
        {
            handler.ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        return new HttpClient(handler) { BaseAddress = platform.Gateway };
    }

    private async Task<int> RetriesAsync() => (await platform.App.ConsoleLinesAsync("gateway")).Count(line => line.Contains(RetryLogLine, StringComparison.Ordinal));
}
