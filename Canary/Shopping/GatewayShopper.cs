using System.Globalization;
using System.Net.Http.Json;
using ApiConventions.DeviceIdentity;

namespace Canary.Shopping;

/// <summary>
/// One walk of a shopper through the gateway: its guest cart (created on the first run, or again when the cart is gone),
/// an item added, the cart read back with that line, the item removed — each change with an Idempotency-Key of its own.
/// Every failure is an answer (the step, the status, why), never an exception.
/// </summary>
internal sealed class GatewayShopper(HttpClient gateway, IOptions<CanaryOptions> options, CanaryMetrics metrics, TimeProvider time)
{
    public async Task<CanaryRun> WalkAsync(GuestCart? cart, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var sku = options.Value.Sku;
        CanaryRun Failed(StepAnswer answer, string failure, GuestCart? next) => new(answer.Step, answer.Status, failure, time.GetElapsedTime(started), next);

        if (cart is null)
        {
            var created = await SendAsync(CanaryStep.CreateCart, HttpMethod.Post, "/carts", cookie: null, new { }, HttpStatusCode.Created, cancellationToken);
            if (created.Failure is { } notCreated)
            {
                return Failed(created, notCreated, null);
            }

            if (StringOf(created.Body, "cartId") is not { } cartId || created.DeviceCookie is not { } cookie)
            {
                return Failed(created, "the answer carried no cartId or no deviceId cookie", null);
            }

            cart = new GuestCart(cartId, cookie);
        }

        var cartPath = $"/carts/{Uri.EscapeDataString(cart.CartId)}";
        var added = await SendAsync(CanaryStep.AddItem, HttpMethod.Post, $"{cartPath}/items", cart.Cookie, new { sku, qty = 1 }, HttpStatusCode.OK, cancellationToken);
        if (added.Failure is { } notAdded)
        {
            // A cart that is gone (expired, or a store started afresh) is replaced on the next run; any other failure keeps it.
            return Failed(added, notAdded, added.Status == (int)HttpStatusCode.NotFound ? null : cart);
        }

        if (StringOf(LineOf(added.Body, sku), "itemId") is not { } itemId)
        {
            return Failed(added, $"the cart it answered has no line of {sku}", cart);
        }

        var read = await SendAsync(CanaryStep.ReadCart, HttpMethod.Get, cartPath, cart.Cookie, body: null, HttpStatusCode.OK, cancellationToken);
        if (read.Failure is { } notRead)
        {
            return Failed(read, notRead, cart);
        }

        if (StringOf(LineOf(read.Body, sku), "itemId") != itemId)
        {
            return Failed(read, $"the cart read back has no line {itemId}", cart);
        }

        var removed = await SendAsync(CanaryStep.RemoveItem, HttpMethod.Delete, $"{cartPath}/items/{Uri.EscapeDataString(itemId)}", cart.Cookie, body: null, HttpStatusCode.OK, cancellationToken);
        if (removed.Failure is { } notRemoved)
        {
            return Failed(removed, notRemoved, cart);
        }

        return LineOf(removed.Body, sku).ValueKind == JsonValueKind.Undefined
            ? new CanaryRun(CanaryStep.Complete, removed.Status, null, time.GetElapsedTime(started), cart)
            : Failed(removed, $"the cart still has line {itemId} after its removal", cart);
    }

    private async Task<StepAnswer> SendAsync(
        string step, HttpMethod method, string path, string? cookie, object? body, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        if (method != HttpMethod.Get)
        {
            // One key per step: a retry of the same request (the resilience handler resends this message) replays it.
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        }

        StepAnswer answer;
        try
        {
            using var response = await gateway.SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            answer = response.StatusCode == expected
                ? new StepAnswer(step, status, await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken), DeviceCookieOf(response), null)
                : new StepAnswer(step, status, default, null, $"answered {status}{await ProblemCodeAsync(response, cancellationToken)}");
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // No answer (refused, timed out, a circuit open) or one that is not JSON: this run's data point.
            answer = new StepAnswer(step, null, default, null, $"{exception.GetType().Name}: {exception.Message}");
        }

        metrics.StepCompleted(step, answer.Failure is null, time.GetElapsedTime(started));
        return answer;
    }

    private static JsonElement LineOf(JsonElement cart, string sku) =>
        cart.ValueKind == JsonValueKind.Object && cart.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray().FirstOrDefault(line => StringOf(line, "sku") == sku)
            : default;

    private static string? StringOf(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string? DeviceCookieOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Select(c => c.Split(';', 2)[0]).FirstOrDefault(c => c.StartsWith(DeviceIdCookie.Name + "=", StringComparison.Ordinal))
            : null;

    private static async Task<string> ProblemCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                && StringOf(await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken), "code") is { } code
                ? string.Create(CultureInfo.InvariantCulture, $" {code}")
                : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    /// <summary>The gateway's answer to one step: its status and body, or why the step failed.</summary>
    private sealed record StepAnswer(string Step, int? Status, JsonElement Body, string? DeviceCookie, string? Failure);
}
