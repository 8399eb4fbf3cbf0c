using System.Net;
using System.Text;

namespace IntegrationTests.Gateway;

/// <summary>
/// What a hostile client sends is answered by the gateway itself with a problem (DESIGN §3 "Hostile input"):
/// never forwarded, never a 5xx, never a status without a body — also where Kestrel would otherwise answer alone.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class GatewayHostileInputTests(PlatformFixture platform)
{
    [Theory]
    [InlineData("X-Note")]
    [InlineData("Idempotency-Key")]
    public async Task A_non_ascii_header_value_is_a_400_problem_from_the_gateway(string header)
    {
        var response = await RawHttp.SendAsync(platform.Gateway, "POST", "/carts", $"{header}: ключ", "Content-Length: 0");

        response.AssertProblem(400, "BAD_REQUEST");
        Assert.Contains("non-ASCII", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_header_value_that_is_not_utf8_is_a_400_problem()
    {
        var response = await RawHttp.SendAsync(platform.Gateway, "GET", "/carts/some-cart", ["X-Note: caf\u00e9"], Encoding.Latin1);

        response.AssertProblem(400, "BAD_REQUEST");
    }

    [Theory]
    [InlineData("CONNECT", "/carts/some-cart")]
    [InlineData("TRACE", "/carts/some-cart")]
    [InlineData("TRACE", "/no-such-route")]
    [InlineData("PROPFIND", "/accounts")]
    public async Task A_method_the_gateway_does_not_serve_is_a_405_problem_with_allow(string method, string target)
    {
        var response = await RawHttp.SendAsync(platform.Gateway, method, target);

        response.AssertProblem(405, "METHOD_NOT_ALLOWED");
        var allowed = response.Headers["Allow"].Split(", ");
        Assert.Contains("GET", allowed);
        Assert.DoesNotContain(method, allowed);
    }

    [Fact]
    public async Task A_connect_to_the_gateways_own_authority_is_a_405_problem()
    {
        // Authority form, with the Host it must match (Kestrel alone refuses a mismatch, without a body).
        var response = await RawHttp.SendAsync(platform.Gateway, "CONNECT", platform.Gateway.Authority);

        response.AssertProblem(405, "METHOD_NOT_ALLOWED");
    }

    [Fact]
    public async Task Head_is_refused_with_405_and_allow_as_cors_does_not_offer_it()
    {
        var response = await RawHttp.SendAsync(platform.Gateway, "HEAD", "/carts/some-cart");

        // A HEAD answer never has a body; its headers say what the body would have been.
        Assert.Equal(405, response.Status);
        Assert.StartsWith("application/problem+json", response.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.DoesNotContain("HEAD", response.Headers["Allow"].Split(", "));
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("DELETE")]
    [InlineData("PUT")]
    public async Task Writing_to_the_health_endpoint_is_a_405_problem(string method)
    {
        var response = await RawHttp.SendAsync(platform.Gateway, method, "/health", "Content-Length: 0");

        response.AssertProblem(405, "METHOD_NOT_ALLOWED");
        Assert.Equal("GET", response.Headers["Allow"]);
    }

    [Theory]
    [InlineData("TRACE", "/carts/some-cart", 0, 405, "METHOD_NOT_ALLOWED")]
    [InlineData("GET", "/carts/%2e%2e/accounts", 0, 400, "BAD_REQUEST")]
    [InlineData("POST", "/carts", 100_000, 413, "PAYLOAD_TOO_LARGE")]
    [InlineData("GET", "/no-such-route", 0, 404, "NOT_FOUND")]
    [InlineData("GET", "/accounts", 0, 401, "UNAUTHORIZED")]
    public async Task A_refusal_is_a_problem_to_a_client_that_accepts_only_html(string method, string target, int contentLength, int status, string code)
    {
        // What a browser sends when it navigates: the framework's problem writer declines it.
        var response = await RawHttp.SendAsync(platform.Gateway, method, target, "Accept: text/html", $"Content-Length: {contentLength}");

        response.AssertProblem(status, code);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_from_the_service_to_a_client_that_accepts_only_html()
    {
        using var client = platform.CreateGatewayClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/carts")
        {
            Content = new StringContent("""{"currency":"USD","currency":"EUR"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await client.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "MALFORMED_JSON");
    }

    [Fact]
    public async Task A_request_id_over_the_header_limit_is_a_431_problem()
    {
        var response = await RawHttp.GetAsync(platform.Gateway, "/carts/some-cart", "X-Request-Id: " + new string('a', 20_000));

        response.AssertProblem(431, "BAD_REQUEST");
    }

    [Fact]
    public async Task More_headers_than_the_limit_is_a_431_problem()
    {
        var headers = Enumerable.Range(0, 101).Select(i => $"X-Header-{i}: v").ToArray();

        var response = await RawHttp.GetAsync(platform.Gateway, "/carts/some-cart", headers);

        response.AssertProblem(431, "BAD_REQUEST");
    }

    [Fact]
    public async Task Headers_over_the_total_size_limit_are_a_431_problem()
    {
        // Each value is under the 8 KiB limit; together they pass 32 KiB, where Kestrel used to answer without a body.
        var headers = Enumerable.Range(0, 5).Select(i => $"X-Padding-{i}: " + new string('a', 8000)).ToArray();

        var response = await RawHttp.GetAsync(platform.Gateway, "/carts/some-cart", headers);

        response.AssertProblem(431, "BAD_REQUEST");
    }

    [Theory]
    [InlineData(9_000)]
    [InlineData(20_000)]
    public async Task A_request_line_past_kestrels_default_is_a_414_problem(int length)
    {
        var response = await RawHttp.GetAsync(platform.Gateway, "/carts/" + new string('a', length));

        response.AssertProblem(414, "BAD_REQUEST");
    }
}
