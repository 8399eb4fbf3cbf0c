using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IntegrationTests.Dashboard;

/// <summary>The dashboard of the whole running system, in real headless Chromium and through its JSON API.</summary>
[Collection(PlatformCollection.Name)]
public sealed class DashboardBrowserTests(PlatformFixture platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_developer_sees_every_resource_healthy_and_a_checkout_trace_across_gateway_cart_and_payments()
    {
        var traceId = await CheckoutThroughTheGatewayAsync();
        var screenshots = Path.Combine(platform.App.Options.RepositoryRoot, "artifacts", "dashboard");
        await using var browser = await HeadlessChromium.LaunchAsync(Patience);

        await browser.NavigateAsync(platform.App.GetDashboardLoginUri()!);
        var resourceCount = platform.App.Resources.Count;
        await browser.WaitForAsync(
            $"document.querySelectorAll('#resources tr.resource').length === {resourceCount} && [...document.querySelectorAll('#resources tr.resource')].every(r => r.dataset.state === 'Healthy')",
            Patience);
        await browser.ScreenshotAsync(Path.Combine(screenshots, "resources.png"));

        await browser.EvaluateAsync("location.hash = '#/traces'");
        await browser.WaitForAsync($"document.querySelector('#traces tr[data-trace=\"{traceId}\"]')", Patience);
        await browser.EvaluateAsync($"document.querySelector('#traces tr[data-trace=\"{traceId}\"]').click()");
        await browser.WaitForAsync(
            "['gateway', 'cart-api', 'payments-api'].every(s => document.querySelector(`#waterfall .wf-row[data-service=\"${s}\"]`))", Patience);
        var services = await browser.EvaluateAsync("[...new Set([...document.querySelectorAll('#waterfall .wf-row')].map(r => r.dataset.service))]");
        await browser.ScreenshotAsync(Path.Combine(screenshots, "checkout-trace.png"));

        Assert.Superset(new HashSet<string> { "gateway", "cart-api", "payments-api" }, services.EnumerateArray().Select(s => s.GetString()!).ToHashSet());

        await browser.EvaluateAsync($"location.hash = '#/logs?traceId={traceId}'");
        await browser.WaitForAsync("[...document.querySelectorAll('#logs tbody tr')].some(r => r.textContent.includes('cart-api'))", Patience);
        await browser.ScreenshotAsync(Path.Combine(screenshots, "structured-logs.png"));

        await browser.EvaluateAsync("location.hash = '#/console/cart-api-0?q=listening'");
        await browser.WaitForAsync("document.querySelector('#console mark')", Patience);
        await browser.ScreenshotAsync(Path.Combine(screenshots, "console.png"));

        await browser.EvaluateAsync("location.hash = '#/metrics'");
        await browser.WaitForAsync("['gateway', 'cart-api'].every(s => [...document.querySelectorAll('#metrics .card h3')].some(h => h.textContent === s))", Patience);
        await browser.ScreenshotAsync(Path.Combine(screenshots, "metrics.png"));
    }

    [Fact]
    public async Task The_resources_api_lists_every_replica_with_its_pid_and_masks_the_signing_key()
    {
        using var client = await DashboardClient.SignInAsync(platform.App);

        var resources = (await client.GetJsonAsync("/api/resources")).EnumerateArray().ToArray();

        Assert.Equal(platform.App.Resources.Select(r => r.Name).Order(), resources.Select(r => r.GetProperty("name").GetString()).Order());
        var cart = resources.Single(r => r.GetProperty("name").GetString() == "cart-api");
        Assert.Equal(["cart-api-0", "cart-api-1"], cart.GetProperty("replicas").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        Assert.All(cart.GetProperty("replicas").EnumerateArray(), r => Assert.True(r.GetProperty("processId").GetInt32() > 0));
        var environment = cart.GetProperty("replicas")[0].GetProperty("environment").EnumerateArray()
            .ToDictionary(v => v.GetProperty("name").GetString()!, v => v.GetProperty("value").GetString()!);
        Assert.Equal("••••••••", environment["Authentication__Schemes__Bearer__SigningKeys__0__Value"]);
        Assert.Equal(platform.App.Options.OtlpEndpoint, environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("cart-api", environment["OTEL_SERVICE_NAME"]);
    }

    [Fact]
    public async Task The_console_api_returns_a_replicas_output_filtered_by_text()
    {
        using var client = await DashboardClient.SignInAsync(platform.App);
        var everything = platform.App.GetConsoleLogs("cart-api-0");
        var word = "Now listening on";

        var console = await client.GetJsonAsync($"/api/console/cart-api-0?q={Uri.EscapeDataString(word)}");
        using var missing = await client.GetAsync("/api/console/no-such-replica");

        Assert.True(console.GetProperty("total").GetInt32() >= everything.Count);
        var lines = console.GetProperty("lines").EnumerateArray().Select(l => l.GetString()!).ToArray();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Contains(word, l, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    /// <summary>A funded account, a cart with one line, a checkout: returns the trace id of the checkout request.</summary>
    private async Task<string> CheckoutThroughTheGatewayAsync()
    {
        var userId = $"user-{Guid.NewGuid():N}";
        using var client = platform.CreateGatewayClient(userId);
        var accountId = (await PostAsync(client, "/accounts", new { currency = "USD" }, HttpStatusCode.Created)).GetProperty("accountId").GetString()!;
        await PostAsync(client, $"/accounts/{accountId}/deposits", new { amount = 100_000, currency = "USD" }, null, idempotent: true);
        var cartId = (await PostAsync(client, "/carts", new { }, HttpStatusCode.Created)).GetProperty("cartId").GetString()!;
        await PostAsync(client, $"/carts/{cartId}/items", new { sku = "SKU-12", qty = 1 }, null);
        await PostAsync(client, $"/carts/{cartId}/checkout", new { accountId }, HttpStatusCode.OK, idempotent: true);

        // The services export every second: wait for the gateway's server span of the checkout and its downstream spans.
        var trace = await Eventually.ReturnsAsync(
            () => Task.FromResult(platform.App.Telemetry.Spans
                .Where(s => s.Source.Service == "gateway" && s.Kind == "Server" && s.Attributes.Any(a => a.Key == "url.path" && a.Value == $"/carts/{cartId}/checkout"))
                .Select(s => platform.App.Telemetry.GetTrace(s.TraceId))
                .FirstOrDefault()),
            spans => spans is not null && new[] { "gateway", "cart-api", "payments-api" }.All(service => spans.Any(s => s.Source.Service == service)),
            Patience);
        return trace!.First().TraceId;
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body, HttpStatusCode? expected, bool idempotent = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (idempotent)
        {
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected is null ? response.IsSuccessStatusCode : response.StatusCode == expected, $"POST {path} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
