using Yarp.ReverseProxy.Forwarder;

namespace Gateway.Proxy;

/// <summary>
/// When a failed forward may be sent again to another replica. Retried: any request whose connection
/// could not be established (nothing was sent, so even a payment is safe), and safe methods (GET, HEAD,
/// OPTIONS) that failed before a response started. Not retried: a POST, PATCH or DELETE that may have
/// reached a service — even with an Idempotency-Key, because the first attempt may still be running (a
/// checkout holds its key's lease: a retry would turn a 502 into a 409 IDEMPOTENCY_KEY_IN_USE) and its body
/// was already streamed;
/// the client owns that retry, with the same key. Timeouts are not retried either: the client has
/// already waited the whole budget.
/// </summary>
internal static class RetryPolicy
{
    public static bool CanRetry(string method, ForwarderError error, Exception? exception)
    {
        if (error != ForwarderError.Request)
        {
            return false;
        }

        return NothingWasSent(exception) || HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);
    }

    private static bool NothingWasSent(Exception? exception) =>
        exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };
}
