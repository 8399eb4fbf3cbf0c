using System.Net.Http.Headers;
using System.Net.Http.Json;
using Cart.Api.Contracts;
using Idempotency;

namespace Cart.Api.Checkout;

/// <summary>
/// Payments.Api over service discovery (<c>http://payments-api</c>, with the standard resilience handler): every call
/// carries an Idempotency-Key, so the handler's retries (and the client's) can never charge twice.
/// </summary>
internal sealed class PaymentsClient(HttpClient http)
{
    public const string InsufficientFunds = "INSUFFICIENT_FUNDS";

    public async Task<PaymentOutcome> PayAsync(PaymentRequest payment, string idempotencyKey, string? authorization, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/payments")
        {
            Content = JsonContent.Create(payment, CartJsonContext.Default.PaymentRequest),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        if (authorization is not null && AuthenticationHeaderValue.TryParse(authorization, out var bearer))
        {
            request.Headers.Authorization = bearer; // the caller's own token: Payments.Api decides whose account it is
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new PaymentOutcome.Unavailable(exception.Message);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                var paid = await ReadAsync(response, CartJsonContext.Default.PaymentResponse, cancellationToken);
                return paid?.TxnId is { } txnId
                    ? new PaymentOutcome.Paid(txnId, paid.Status ?? "CAPTURED")
                    : new PaymentOutcome.Unavailable("Payments.Api answered without a transaction id.");
            }

            var status = (int)response.StatusCode;
            var problem = await ReadAsync(response, CartJsonContext.Default.PaymentProblem, cancellationToken);
            return status switch
            {
                >= 500 or StatusCodes.Status408RequestTimeout or StatusCodes.Status429TooManyRequests =>
                    new PaymentOutcome.Unavailable($"Payments.Api answered {status}."),
                StatusCodes.Status409Conflict when problem?.Code == IdempotencyErrors.KeyInUse => new PaymentOutcome.InProgress(),
                StatusCodes.Status409Conflict => new PaymentOutcome.Unavailable($"Payments.Api answered 409 {problem?.Code}: nothing was charged, the same key pays later."),
                _ when problem?.Code == InsufficientFunds => new PaymentOutcome.Declined(problem.Detail ?? "Insufficient funds."),
                _ => new PaymentOutcome.Rejected(status, problem?.Code, problem?.Detail ?? problem?.Title),
            };
        }
    }

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(type, cancellationToken);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException)
        {
            return default;
        }
    }
}

/// <summary>What became of a payment request.</summary>
internal abstract record PaymentOutcome
{
    private PaymentOutcome()
    {
    }

    public sealed record Paid(string TxnId, string Status) : PaymentOutcome;

    /// <summary>422 INSUFFICIENT_FUNDS: nothing was charged.</summary>
    public sealed record Declined(string Detail) : PaymentOutcome;

    /// <summary>The same payment is still being processed (409 IDEMPOTENCY_KEY_IN_USE from Payments.Api): try again shortly.</summary>
    public sealed record InProgress : PaymentOutcome;

    /// <summary>Another 4xx: the request itself is wrong (unknown account, not the caller's account, ...).</summary>
    public sealed record Rejected(int Status, string? Code, string? Detail) : PaymentOutcome;

    /// <summary>No answer we can rely on: the payment may or may not have happened; the same key settles it later.</summary>
    public sealed record Unavailable(string Reason) : PaymentOutcome;
}
