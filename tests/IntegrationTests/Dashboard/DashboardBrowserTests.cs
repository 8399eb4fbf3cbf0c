using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationTests.Carts;
using IntegrationTests.Payments;
using Xunit.Abstractions;

namespace IntegrationTests.Dashboard;

/// <summary>
/// The real Aspire dashboard of the whole running system, in headless chromium: what a developer sees on its
/// Resources and Traces pages, and a resource command run from it. Screenshots go to <c>artifacts/dashboard/</c>.
/// </summary>
[Collection(DashboardPlatformCollection.Name)]
public sealed class DashboardBrowserTests(DashboardPlatformFixture platform, ITestOutputHelper output)
{
    private static readonly TimeSpan BrowserStart = TimeSpan.FromSeconds(30);

    private static readonly string[] SystemResources =
        ["dynamodb", "redis", "identity", "cart-api", "cart-api-0", "cart-api-1", "payments-api", "events-worker", "gateway"];

    [Fact]
    public async Task The_resources_page_shows_every_resource_running_and_healthy_with_the_cart_replicas_under_their_group()
    {
        await using var browser = await HeadlessChromium.LaunchAsync(BrowserStart);
        var dashboard = new AspireDashboard(browser, platform.DashboardLogin);

        await dashboard.SignInAsync();
        var rows = await dashboard.WaitForResourcesAsync(
            rows => SystemResources.All(name => rows.Any(row => row.Name == name && row.State == "Running")),
            "every resource Running (and so healthy)");
        var certificateWarning = await dashboard.ShowsCertificateWarningAsync();
        await dashboard.ScreenshotAsync(Path.Combine(platform.Screenshots, "resources.png"));

        Assert.Equal(SystemResources.Order(), rows.Select(row => row.Name).Order());
        Assert.All(rows, row => Assert.Equal("Running", row.State));
        var group = rows.Single(row => row.Name == "cart-api");
        var replicas = rows.SkipWhile(row => row != group).Skip(1).Take(2).ToList();
        Assert.Equal(["cart-api-0", "cart-api-1"], replicas.Select(row => row.Name));
        Assert.All(replicas, replica => Assert.True(replica.Indent > group.Indent, $"{replica.Name} is not nested under {group.Name}"));

        // Every project is declared WithoutHttpsCertificate (AsHttpService), so nothing asks for a development certificate.
        output.WriteLine($"development-certificate warning shown: {certificateWarning}");
        Assert.False(certificateWarning, "The dashboard warns about the development certificate.");
    }

    [Fact]
    public async Task A_checkout_through_the_gateway_is_one_trace_from_the_gateway_through_cart_api_to_payments_api_with_its_redis_and_dynamodb_calls()
    {
        var traceId = await CheckoutThroughTheGatewayAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(BrowserStart);
        var dashboard = new AspireDashboard(browser, platform.DashboardLogin);

        await dashboard.SignInAsync();
        await dashboard.OpenTraceAsync(traceId, nameFilter: "checkout");
        var spans = await dashboard.WaitForSpansAsync(IsWholeCheckout, "the checkout's spans from every service, Redis and DynamoDB");
        await dashboard.ScreenshotAsync(Path.Combine(platform.Screenshots, "checkout-trace.png"));
        output.WriteLine(string.Join('\n', spans.Select(span => $"{new string(' ', (int)(span.Depth / 15) * 2)}{span.Resource}: {span.Name} {span.Peer}")));

        var gateway = spans[0];
        var cart = spans.First(span => IsCartReplica(span.Resource) && span.Peer is null);
        var payments = spans.First(span => span.Resource == "payments-api" && span.Peer is null);
        Assert.Equal("gateway", gateway.Resource);
        Assert.True(cart.Depth > gateway.Depth, "cart-api's span is not below the gateway's");
        Assert.True(payments.Depth > cart.Depth, "payments-api's span is not below cart-api's");
        Assert.Contains(spans, span => IsCartReplica(span.Resource) && span.Peer == "redis");
        Assert.Contains(spans, span => IsCartReplica(span.Resource) && span.Peer == "dynamodb");
        Assert.Contains(spans, span => span.Resource == "payments-api" && span.Peer == "dynamodb");
    }

    [Fact]
    public async Task The_identity_resource_creates_a_token_from_the_dashboard_that_the_gateway_accepts()
    {
        var userId = $"user-{Guid.NewGuid():N}";
        await using var browser = await HeadlessChromium.LaunchAsync(BrowserStart);
        var dashboard = new AspireDashboard(browser, platform.DashboardLogin);

        await dashboard.SignInAsync();
        var actions = await dashboard.OpenActionsAsync("identity");
        await dashboard.ChooseActionAsync("Create token");
        await dashboard.SubmitPromptAsync(new Dictionary<string, string> { ["User id"] = userId, ["Valid for (minutes)"] = "5" });
        var token = await dashboard.CommandResultAsync();
        await dashboard.ScreenshotAsync(Path.Combine(platform.Screenshots, "create-token.png"));

        Assert.Contains("Create token", actions);
        using var user = new CartClient(platform.Gateway, token: token);
        var cartId = await user.CreateCartAsync();
        using var attached = await user.SendAsync(HttpMethod.Post, "/carts/attach", new { cartId }); // signed-in only: makes it the user's cart
        Assert.Equal(HttpStatusCode.OK, attached.StatusCode);
        var (status, myCart) = await user.GetAsync("/me/cart");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(cartId, myCart.GetProperty("cartId").GetString());
    }

    /// <summary>The gateway's server span, cart-api's below it, payments-api's below that, and the Redis and DynamoDB calls they made.</summary>
    private static bool IsWholeCheckout(IReadOnlyList<SpanRow> spans) =>
        spans.Count > 0 && spans[0].Resource == "gateway"
        && spans.Any(span => IsCartReplica(span.Resource) && span.Peer is null)
        && spans.Any(span => span.Resource == "payments-api" && span.Peer is null)
        && spans.Any(span => IsCartReplica(span.Resource) && span.Peer == "redis")
        && spans.Any(span => IsCartReplica(span.Resource) && span.Peer == "dynamodb")
        && spans.Any(span => span.Resource == "payments-api" && span.Peer == "dynamodb");

    private static bool IsCartReplica(string resource) => resource is "cart-api-0" or "cart-api-1";

    /// <summary>
    /// A funded account, a guest cart with one line, and its checkout once the guest signs in on the same device.
    /// Returns the checkout's trace id: the gateway answers with the W3C <c>traceresponse</c> of its own span.
    /// </summary>
    private async Task<string> CheckoutThroughTheGatewayAsync()
    {
        using var payer = PaymentsDriver.ForNewUser(platform);
        var accountId = await payer.OpenAccountAsync("USD");
        await payer.DepositAsync(accountId, 100_000, "USD");
        using var guest = new CartClient(platform.Gateway);
        var cartId = await guest.CreateCartAsync();
        await guest.AddAsync(cartId, "SKU-12", 1);
        using var signedIn = new CartClient(platform.Gateway, guest.DeviceId, platform.MintToken(payer.UserId));

        using var checkout = await signedIn.SendAsync(HttpMethod.Post, $"/carts/{cartId}/checkout", new { accountId }, Guid.NewGuid().ToString());

        Assert.True(checkout.StatusCode == HttpStatusCode.OK, $"checkout answered {(int)checkout.StatusCode}: {await checkout.Content.ReadAsStringAsync()}");
        Assert.Equal("CHECKED_OUT", (await checkout.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        return ActivityContext.Parse(checkout.Headers.GetValues("traceresponse").Single(), null).TraceId.ToHexString();
    }
}
