using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IntegrationTests.Gateway;

/// <summary>A request keeps one request id and one trace id from the client through the gateway to the service.</summary>
[Collection(PlatformCollection.Name)]
public sealed class GatewayCorrelationTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_sane_client_request_id_reaches_the_service_and_comes_back()
    {
        using var client = platform.CreateGatewayClient();
        var requestId = $"client-{Guid.NewGuid():N}";
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/carts/{Guid.NewGuid():N}");
        request.Headers.Add("X-Request-Id", requestId);

        using var response = await client.SendAsync(request);

        // The 404 problem is written by Cart.Api: it names the request id the service received.
        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Equal(requestId, problem.GetProperty("requestId").GetString());
        Assert.Equal(requestId, Assert.Single(response.Headers.GetValues("X-Request-Id")));
    }

    [Fact]
    public async Task An_insane_request_id_is_replaced_and_the_new_one_reaches_the_service()
    {
        using var client = platform.CreateGatewayClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/carts/{Guid.NewGuid():N}");
        request.Headers.TryAddWithoutValidation("X-Request-Id", "<script>alert(1)</script>");

        using var response = await client.SendAsync(request);

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        var returned = Assert.Single(response.Headers.GetValues("X-Request-Id"));
        Assert.Matches("^[0-9a-f]{32}$", returned);
        Assert.Equal(returned, problem.GetProperty("requestId").GetString());
    }

    [Fact]
    public async Task The_gateway_and_the_service_record_the_request_under_the_same_trace()
    {
        using var client = platform.CreateGatewayClient();

        using var response = await client.GetAsync($"/carts/{Guid.NewGuid():N}");

        // traceresponse (W3C Trace Context level 2) is the gateway's span; the problem's traceId is Cart.Api's.
        var gateway = ActivityContext.Parse(Assert.Single(response.Headers.GetValues("traceresponse")), null);
        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        var service = ActivityContext.Parse(problem.GetProperty("traceId").GetString()!, null);
        Assert.Equal(gateway.TraceId, service.TraceId);
        Assert.NotEqual(gateway.SpanId, service.SpanId);
    }

    [Fact]
    public async Task A_client_traceparent_is_continued_by_the_gateway_and_the_service()
    {
        using var client = platform.CreateGatewayClient();
        var traceId = ActivityTraceId.CreateRandom();
        var parent = ActivitySpanId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/carts/{Guid.NewGuid():N}");
        request.Headers.Add("traceparent", $"00-{traceId}-{parent}-01");

        using var response = await client.SendAsync(request);

        var gateway = ActivityContext.Parse(Assert.Single(response.Headers.GetValues("traceresponse")), null);
        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        var service = ActivityContext.Parse(problem.GetProperty("traceId").GetString()!, null);
        Assert.Equal(traceId, gateway.TraceId);
        Assert.Equal(traceId, service.TraceId);
    }

    [Fact]
    public async Task A_problem_written_by_the_gateway_names_the_request_id()
    {
        using var client = platform.CreateGatewayClient();

        using var response = await client.GetAsync("/accounts");

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.Equal(Assert.Single(response.Headers.GetValues("X-Request-Id")), problem.GetProperty("requestId").GetString());
    }
}
