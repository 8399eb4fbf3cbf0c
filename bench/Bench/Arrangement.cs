namespace Bench;

/// <summary>
/// Requests that arrange a run (carts, accounts, deposits, stock) rather than measure it, sent as a client with a durable
/// key sends them (<see cref="DefiniteAnswers"/>): against DynamoDB Local each service admits 8 DynamoDB calls at once,
/// so 200 carts created together are partly shed with 503s.
/// </summary>
internal static class Arrangement
{
    /// <summary>Sends the request <paramref name="create"/> makes until the answer is definite, and fails unless it is a success.</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, Func<HttpRequestMessage> create, CancellationToken cancellationToken)
    {
        var response = await DefiniteAnswers.SendAsync(client, create, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw new HttpRequestException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }
}
