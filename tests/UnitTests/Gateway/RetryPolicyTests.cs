using System.Net.Sockets;
using Gateway.Proxy;
using Yarp.ReverseProxy.Forwarder;

namespace UnitTests.Gateway;

public class RetryPolicyTests
{
    private static readonly HttpRequestException ConnectionRefused =
        new(HttpRequestError.ConnectionError, "Connection refused", new SocketException((int)SocketError.ConnectionRefused));

    private static readonly HttpRequestException ResponseEnded = new(HttpRequestError.ResponseEnded, "The response ended prematurely.");

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    [InlineData("OPTIONS")]
    public void A_safe_request_that_failed_in_transport_is_retried(string method) =>
        Assert.True(RetryPolicy.CanRetry(method, ForwarderError.Request, ResponseEnded));

    [Theory]
    [InlineData("POST")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    [InlineData("PUT")]
    public void A_mutation_that_may_have_reached_a_service_is_not_retried(string method) =>
        Assert.False(RetryPolicy.CanRetry(method, ForwarderError.Request, ResponseEnded));

    [Theory]
    [InlineData("POST")]
    [InlineData("GET")]
    public void Any_request_whose_connection_was_never_established_is_retried(string method) =>
        Assert.True(RetryPolicy.CanRetry(method, ForwarderError.Request, ConnectionRefused));

    [Theory]
    [InlineData(ForwarderError.RequestTimedOut)]
    [InlineData(ForwarderError.RequestCanceled)]
    [InlineData(ForwarderError.RequestBodyClient)]
    [InlineData(ForwarderError.ResponseBodyDestination)]
    [InlineData(ForwarderError.NoAvailableDestinations)]
    public void Timeouts_cancellations_and_failures_after_sending_are_not_retried(ForwarderError error) =>
        Assert.False(RetryPolicy.CanRetry("GET", error, ConnectionRefused));
}
