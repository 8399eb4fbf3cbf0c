using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Gateway.Proxy;

/// <summary>
/// Sends a request that failed in transport to another replica when <see cref="RetryPolicy"/> allows it.
/// It sits before load balancing and passive health in the proxy pipeline, so each attempt is balanced
/// afresh over the replicas not tried yet, and each failure counts against the replica that failed.
/// </summary>
internal sealed partial class SafeRetryMiddleware(RequestDelegate next, IOptions<ProxyRetryOptions> options, ILogger<SafeRetryMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var proxy = context.GetReverseProxyFeature();
        var candidates = proxy.AvailableDestinations;
        for (var attempt = 1; ; attempt++)
        {
            await next(context);

            var error = context.Features.Get<IForwarderErrorFeature>();
            if (error is null || attempt >= options.Value.MaxAttempts || context.Response.HasStarted
                || context.RequestAborted.IsCancellationRequested
                || !RetryPolicy.CanRetry(context.Request.Method, error.Error, error.Exception))
            {
                return;
            }

            var failed = proxy.ProxiedDestination;
            candidates = [.. candidates.Where(destination => !ReferenceEquals(destination, failed))];
            if (candidates.Count == 0)
            {
                return;
            }

            LogRetrying(logger, context.Request.Method, context.Request.Path, failed?.DestinationId, error.Error);
            proxy.AvailableDestinations = candidates;
            proxy.ProxiedDestination = null;
            context.Features.Set<IForwarderErrorFeature>(null);
            context.Response.StatusCode = StatusCodes.Status200OK;
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "{Method} {Path} failed on {Destination} ({Error}); trying another replica")]
    private static partial void LogRetrying(ILogger logger, string method, string path, string? destination, ForwarderError error);
}

/// <summary>Adds <see cref="SafeRetryMiddleware"/> to the proxy pipeline.</summary>
internal static class SafeRetryMiddlewareExtensions
{
    public static IReverseProxyApplicationBuilder UseSafeRetries(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.UseMiddleware<SafeRetryMiddleware>();
        return proxy;
    }
}
