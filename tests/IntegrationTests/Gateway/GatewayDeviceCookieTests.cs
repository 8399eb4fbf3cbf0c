using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IntegrationTests.Gateway;

/// <summary>The gateway issues the deviceId cookie once; afterwards the client's cookie is the device.</summary>
[Collection(PlatformCollection.Name)]
public sealed class GatewayDeviceCookieTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_device_cookie_is_issued_once_and_then_reused()
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, CookieContainer = cookies }) { BaseAddress = platform.Gateway };

        using var first = await client.PostAsJsonAsync("/carts", new { });
        var issued = Assert.Single(first.Headers.GetValues("Set-Cookie"), c => c.StartsWith("deviceId=", StringComparison.Ordinal));
        var deviceId = cookies.GetCookies(client.BaseAddress!)["deviceId"]?.Value;
        var cartId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cartId").GetString();

        using var second = await client.GetAsync($"/carts/{cartId}");
        using var third = await client.PostAsJsonAsync("/carts", new { });

        Assert.Contains("httponly", issued, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", issued, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode); // the service saw the same device that created the cart
        Assert.False(second.Headers.Contains("Set-Cookie"));
        Assert.False(third.Headers.Contains("Set-Cookie"));
        Assert.Equal(deviceId, cookies.GetCookies(client.BaseAddress!)["deviceId"]?.Value);
    }

    [Fact]
    public async Task A_malformed_device_cookie_is_replaced()
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, UseCookies = false }) { BaseAddress = platform.Gateway };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/carts") { Content = JsonContent.Create(new { }) };
        request.Headers.Add("Cookie", "deviceId=not%20a%20device!");

        using var response = await client.SendAsync(request);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("deviceId=", StringComparison.Ordinal));
        Assert.Matches("^deviceId=[A-Za-z0-9_-]{22};", cookie);
    }
}
