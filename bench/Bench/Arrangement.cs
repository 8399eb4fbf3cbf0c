namespace Bench;

/// <summary>
/// Requests that arrange a run (carts, accounts, deposits) rather than measure it, sent as a client with a durable key
/// sends them: a 503 (the service shed the call or DynamoDB did not answer; nothing was applied) or a 409
/// <c>IDEMPOTENCY_KEY_IN_USE</c> is sent again after its <c>Retry-After</c> (1 s without one), at most ten times. Against
/// DynamoDB Local each service admits 8 DynamoDB calls at once, so 200 carts created together are partly shed.
/// </summary>
internal static class Arrangement
{
    private const int MaxAttempts = 10;

    /// <summary>Sends the request <paramref name="create"/> makes until the answer is definite, and fails unless it is a success.</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, Func<HttpRequestMessage> create, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = create();
            var response = await client.SendAsync(request, cancellationToken);
            if (attempt < MaxAttempts && await IsWorthRetryingAsync(response, cancellationToken))
            {
                var pause = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
                response.Dispose();
                await Task.Delay(pause, cancellationToken);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                response.Dispose();
                throw new HttpRequestException($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode} after {attempt} attempts: {body}");
            }

            return response;
        }
    }

    private static async Task<bool> IsWorthRetryingAsync(HttpResponseMessage response, CancellationToken cancellationToken) => response.StatusCode switch
    {
        System.Net.HttpStatusCode.ServiceUnavailable => true,
        System.Net.HttpStatusCode.Conflict => (await response.Content.ReadAsStringAsync(cancellationToken)).Contains("\"IDEMPOTENCY_KEY_IN_USE\"", StringComparison.Ordinal),
        _ => false,
    };
}
