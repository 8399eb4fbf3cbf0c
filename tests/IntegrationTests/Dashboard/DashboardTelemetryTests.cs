using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace IntegrationTests.Dashboard;

/// <summary>The dashboard's OTLP receiver, fed by the official OpenTelemetry .NET exporter, read back through its JSON API.</summary>
public sealed class DashboardTelemetryTests(DashboardOnlyFixture dashboard) : IClassFixture<DashboardOnlyFixture>
{
    [Fact]
    public async Task Spans_and_logs_sent_with_the_opentelemetry_exporter_are_served_by_the_dashboard_api()
    {
        var service = $"otlp-test-{Guid.NewGuid():N}"[..20];
        var otlp = new Uri(dashboard.App.Options.OtlpEndpoint!);
        var sourceName = "IntegrationTests.Dashboard." + service;
        using var source = new ActivitySource(sourceName);
        var resource = ResourceBuilder.CreateEmpty().AddService(service, serviceInstanceId: service + "-0");
        using var tracing = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(sourceName)
            .AddOtlpExporter(o => (o.Endpoint, o.Protocol) = (new Uri(otlp, "/v1/traces"), OtlpExportProtocol.HttpProtobuf))
            .Build();
        var logging = LoggerFactory.Create(b => b.AddOpenTelemetry(o =>
        {
            o.SetResourceBuilder(resource);
            o.IncludeFormattedMessage = true;
            o.AddOtlpExporter(e => (e.Endpoint, e.Protocol) = (new Uri(otlp, "/v1/logs"), OtlpExportProtocol.HttpProtobuf));
        }));

        string traceId;
        using (var checkout = source.StartActivity("POST /carts/{cartId}/checkout", ActivityKind.Server)!)
        {
            traceId = checkout.TraceId.ToHexString();
            checkout.SetTag("cart.id", "cart-42");
            using var charge = source.StartActivity("POST /payments", ActivityKind.Client)!;
            charge.SetTag("http.response.status_code", 402);
            charge.SetStatus(ActivityStatusCode.Error, "insufficient funds");
            logging.CreateLogger("Checkout").LogWarning("Payment for cart {CartId} was declined", "cart-42");
        }

        Assert.True(tracing.ForceFlush(10_000));
        logging.Dispose(); // flushes the log exporter

        using var client = await DashboardClient.SignInAsync(dashboard.App);
        var traces = await client.GetJsonAsync($"/api/traces?service={service}");
        var summary = Assert.Single(traces.EnumerateArray());
        Assert.Equal(traceId, summary.GetProperty("traceId").GetString());
        Assert.Equal("POST /carts/{cartId}/checkout", summary.GetProperty("rootName").GetString());
        Assert.Equal(2, summary.GetProperty("spanCount").GetInt32());
        Assert.True(summary.GetProperty("hasError").GetBoolean());

        var trace = await client.GetJsonAsync($"/api/traces/{traceId}");
        var spans = trace.GetProperty("spans").EnumerateArray().ToArray();
        var root = spans.Single(s => s.GetProperty("parentSpanId").ValueKind == JsonValueKind.Null);
        var child = spans.Single(s => s.GetProperty("parentSpanId").GetString() == root.GetProperty("spanId").GetString());
        Assert.Equal("Server", root.GetProperty("kind").GetString());
        Assert.Contains(root.GetProperty("attributes").EnumerateArray(), a => a.GetProperty("key").GetString() == "cart.id" && a.GetProperty("value").GetString() == "cart-42");
        Assert.Equal("insufficient funds", child.GetProperty("statusMessage").GetString());
        Assert.Contains(child.GetProperty("attributes").EnumerateArray(), a => a.GetProperty("key").GetString() == "http.response.status_code" && a.GetProperty("value").GetString() == "402");
        Assert.Equal(service + "-0", child.GetProperty("source").GetProperty("instance").GetString());

        var logs = await client.GetJsonAsync($"/api/logs?service={service}&level=Warning&q=declined");
        var log = Assert.Single(logs.EnumerateArray());
        Assert.Equal("Payment for cart cart-42 was declined", log.GetProperty("message").GetString());
        Assert.Equal("Warning", log.GetProperty("level").GetString());
        Assert.Equal("Checkout", log.GetProperty("category").GetString());
        Assert.Equal(traceId, log.GetProperty("traceId").GetString());
        Assert.Empty((await client.GetJsonAsync($"/api/logs?service={service}&level=Error")).EnumerateArray());
    }

    [Fact]
    public async Task Without_the_login_cookie_the_dashboard_answers_401_and_a_wrong_token_does_not_sign_in()
    {
        using var anonymous = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = dashboard.App.GetDashboardUri() };

        foreach (var path in new[] { "/", "/app.js", "/api/resources", "/api/traces", "/api/logs", "/api/console/identity" })
        {
            using var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        using var wrong = await anonymous.GetAsync("/login?t=not-the-token");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.False(wrong.Headers.Contains("Set-Cookie"));

        using var signedIn = await DashboardClient.SignInAsync(dashboard.App);
        using var page = await signedIn.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("/app.js", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_login_cookie_is_http_only_and_the_login_link_is_in_the_engine_log()
    {
        var login = dashboard.App.GetDashboardLoginUri()!;
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false });

        using var response = await client.GetAsync(login);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(dashboard.App.GetEngineLogs(), l => l == $"Login to the dashboard at {login}");
        Assert.Equal(IPAddressLoopback, login.Host);
    }

    [Fact]
    public async Task The_otlp_receiver_rejects_what_is_not_otlp_protobuf_with_a_4xx()
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = new Uri(dashboard.App.Options.OtlpEndpoint!) };

        using var json = await client.PostAsync("/v1/traces", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        using var garbage = await client.PostAsync("/v1/logs", new ByteArrayContent([0x0A, 0xFF, 0xFF]) { Headers = { ContentType = new("application/x-protobuf") } });
        using var ui = await client.GetAsync("/api/resources");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, ui.StatusCode); // the UI is not served on the OTLP port
    }

    private const string IPAddressLoopback = "127.0.0.1";
}
