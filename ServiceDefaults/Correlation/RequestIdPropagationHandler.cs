namespace ServiceDefaults.Correlation;

/// <summary>Sends the current request's id on outgoing calls (Cart.Api → Payments.Api), unless set already.</summary>
internal sealed class RequestIdPropagationHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext?.GetRequestId() is { } requestId && !request.Headers.Contains(RequestId.HeaderName))
        {
            request.Headers.TryAddWithoutValidation(RequestId.HeaderName, requestId);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
