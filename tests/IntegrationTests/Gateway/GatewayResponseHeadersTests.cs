using System.Net;
using System.Net.Http.Json;

namespace IntegrationTests.Gateway;

/// <summary>Security headers on every response; CORS only for the configured storefront.</summary>
[Collection(PlatformCollection.Name)]
public sealed class GatewayResponseHeadersTests(PlatformFixture platform)
{
    private const string Storefront = "http://localhost:3000";

    [Theory]
    [InlineData("/carts/unknown-cart")] // proxied to Cart.Api
    [InlineData("/accounts")] // answered by the gateway (401)
    [InlineData("/no-such-route")] // answered by the gateway (404)
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var client = platform.CreateGatewayClient();

        using var response = await client.GetAsync(path);

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.StartsWith("default-src 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task The_storefront_origin_gets_a_preflight_answer_with_credentials()
    {
        using var client = platform.CreateGatewayClient();
        using var preflight = Preflight("/carts/some-cart/items", Storefront);

        using var response = await client.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Storefront, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal("true", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Credentials")));
    }

    [Fact]
    public async Task A_foreign_origin_gets_no_cors_grant()
    {
        using var client = platform.CreateGatewayClient();

        using var preflight = await client.SendAsync(Preflight("/carts/some-cart/items", "https://evil.example"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/carts") { Content = JsonContent.Create(new { }) };
        request.Headers.Add("Origin", "https://evil.example");
        using var simple = await client.SendAsync(request);

        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(simple.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Cors_does_not_advertise_head_as_the_gateway_does_not_serve_it()
    {
        using var client = platform.CreateGatewayClient();

        using var response = await client.SendAsync(Preflight("/carts/some-cart", Storefront, "HEAD"));

        // ASP.NET Core's CORS answers with the policy's whole list of methods.
        var methods = Assert.Single(response.Headers.GetValues("Access-Control-Allow-Methods")).Split(',');
        Assert.Contains("GET", methods);
        Assert.DoesNotContain("HEAD", methods);
    }

    private static HttpRequestMessage Preflight(string path, string origin, string method = "POST")
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "content-type,idempotency-key");
        return request;
    }
}
