using System.Net;
using System.Text.Json;

namespace IntegrationTests.Contract;

/// <summary>In Development the gateway serves an interactive reference of both services' documents, which it proxies.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ApiReferenceTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_gateway_serves_the_api_reference_page_and_both_documents()
    {
        using var gateway = platform.CreateGatewayClient();

        using var page = await gateway.GetAsync("/api-reference");
        var cart = JsonDocument.Parse(await gateway.GetStringAsync("/openapi/cart-api.json"));
        var payments = JsonDocument.Parse(await gateway.GetStringAsync("/openapi/payments-api.json"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("scalar", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
        // "Test request" goes through the gateway (cookie, token, limits), not to the service address a document names.
        Assert.Contains("\"servers\":[{\"url\":\"/\"", await page.Content.ReadAsStringAsync());
        Assert.StartsWith("3.1", cart.RootElement.GetProperty("openapi").GetString());
        Assert.True(cart.RootElement.GetProperty("paths").TryGetProperty("/carts/{cartId}/items", out _));
        Assert.True(payments.RootElement.GetProperty("paths").TryGetProperty("/payments", out _));
    }

    [Fact]
    public async Task The_dashboard_links_the_gateway_to_its_api_reference()
    {
        var shown = await platform.App.ResourceNotifications
            .WaitForResourceAsync("gateway", e => e.Snapshot.Urls.Any(url => url.Url.EndsWith("/api-reference", StringComparison.Ordinal)))
            .WaitAsync(TimeSpan.FromSeconds(30));

        var link = shown.Snapshot.Urls.Single(url => url.Url.EndsWith("/api-reference", StringComparison.Ordinal));
        Assert.Equal("API reference", link.DisplayProperties.DisplayName);
        Assert.StartsWith(platform.Gateway.GetLeftPart(UriPartial.Authority), link.Url, StringComparison.Ordinal);
    }
}
