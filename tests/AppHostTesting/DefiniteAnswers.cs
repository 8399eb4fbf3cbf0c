namespace AppHostTesting;

/// <summary>
/// How a client with a durable Idempotency-Key gets a definite answer: a 503 (the service shed the call or a dependency
/// did not answer; nothing was applied) or a 409 <c>IDEMPOTENCY_KEY_IN_USE</c> (the same key is still being processed)
/// is sent again after its <c>Retry-After</c> (1 s without one), at most ten times. Shared by the tests' clients and the
/// bench's arrangements.
/// </summary>
public static class DefiniteAnswers
{
    private const int MaxAttempts = 10;

    /// <summary>The first definite answer to the request <paramref name="create"/> makes (the same key each time), or the tenth answer.</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, Func<HttpRequestMessage> create, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = create();
            var response = await client.SendAsync(request, cancellationToken);
            if (attempt == MaxAttempts || !await IsWorthRetryingAsync(response, cancellationToken))
            {
                return response;
            }

            var pause = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            response.Dispose();
            await Task.Delay(pause, cancellationToken);
        }
    }

    private static async Task<bool> IsWorthRetryingAsync(HttpResponseMessage response, CancellationToken cancellationToken) => response.StatusCode switch
    {
        System.Net.HttpStatusCode.ServiceUnavailable => true,
        System.Net.HttpStatusCode.Conflict => (await response.Content.ReadAsStringAsync(cancellationToken)).Contains("\"IDEMPOTENCY_KEY_IN_USE\"", StringComparison.Ordinal),
        _ => false,
    };
}
