using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Bench.Resilience;

/// <summary>
/// Steady mixed traffic through the gateway at a fixed rate, open loop (an operation is started when due, whatever
/// the system does): 35 % cart adds, 30 % cart reads, 10 % deposits, 20 % payments — each write with a fresh
/// Idempotency-Key, retried with the same key by <see cref="RetryPolicy"/> — and 5 % deliberately bad requests,
/// which must get a 4xx. Each operation is counted in the window (before, during, after a fault) it was due in.
/// </summary>
internal sealed class ResilienceLoad(HttpClient gateway, IReadOnlyList<GuestCart> carts, IReadOnlyList<Payer> payers, WriteLedger ledger)
{
    private readonly Random _random = new(15);
    private WindowStats _window = new("setup", "setup");

    public WindowStats Window => Volatile.Read(ref _window);

    /// <summary>From now on, operations that fall due are counted in <paramref name="window"/>.</summary>
    public void Enter(WindowStats window) => Volatile.Write(ref _window, window);

    /// <summary>Sends <paramref name="rate"/> operations a second until <paramref name="stop"/>, then waits for those in flight.</summary>
    public async Task RunAsync(double rate, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        var interval = TimeSpan.FromSeconds(1 / rate);
        var pending = new List<Task>();
        for (long n = 0; !stop.IsCancellationRequested; n++)
        {
            var due = interval * n;
            if (due - clock.Elapsed is { } wait && wait > TimeSpan.FromMilliseconds(1))
            {
                try
                {
                    await Task.Delay(wait, stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            var window = Window;
            var operation = Next(n, window);
            pending.Add(Task.Run(async () =>
            {
                var gaveUp = !await operation();
                window.Operation(clock.Elapsed - due, gaveUp);
            }, CancellationToken.None));
            pending.RemoveAll(task => task.IsCompleted);
        }

        await Task.WhenAll(pending);
    }

    /// <summary>Sends every write that has no definite answer yet again, with its own key, until it has one.</summary>
    public async Task SettleAsync(WindowStats window, CancellationToken cancellationToken)
    {
        foreach (var write in ledger.All.Where(w => !w.Definite))
        {
            await SendWriteAsync(write, window, attempts: 10, cancellationToken);
        }
    }

    /// <summary>Sends a write (and records it) until it has a definite answer or the client gives up; true when definite.</summary>
    public async Task<bool> WriteAsync(WriteRecord write, WindowStats window, CancellationToken cancellationToken)
    {
        ledger.Add(write);
        return await SendWriteAsync(write, window, RetryPolicy.MaxAttempts, cancellationToken);
    }

    public static WriteRecord CartAdd(GuestCart cart, string sku) =>
        Write(WriteKind.CartAdd, cart.CartId, sku, 1, key =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/carts/{cart.CartId}/items") { Content = JsonContent.Create(new { sku, qty = 1 }) };
            request.Headers.Add("Cookie", cart.Cookie);
            return request;
        });

    /// <summary>A deposit or a payment; its description is its key, so the statement shows which key made which movement.</summary>
    public static WriteRecord Movement(WriteKind kind, Payer payer, long amount) =>
        Write(kind, payer.AccountId, null, amount, key => kind == WriteKind.Deposit
            ? payer.Authorized(HttpMethod.Post, $"/accounts/{payer.AccountId}/deposits", JsonContent.Create(new { amount, currency = "EUR", description = key }))
            : payer.Authorized(HttpMethod.Post, "/payments", JsonContent.Create(new { accountId = payer.AccountId, amount, currency = "EUR", merchantId = "resilience-merchant", description = key })));

    private static WriteRecord Write(WriteKind kind, string target, string? sku, long amount, Func<string, HttpRequestMessage> build)
    {
        var key = Guid.NewGuid().ToString("N");
        return new WriteRecord(kind, key, target, sku, amount, () =>
        {
            var request = build(key);
            request.Headers.Add("Idempotency-Key", key);
            return request;
        });
    }

    private Func<Task<bool>> Next(long n, WindowStats window)
    {
        var cart = carts[_random.Next(carts.Count)];
        var payer = payers[_random.Next(payers.Count)];
        var sku = $"SKU-{1 + _random.Next(9)}"; // priced in USD, as guest carts are
        var amount = 1 + _random.Next(50);
        return (n % 20) switch
        {
            < 7 => () => WriteAsync(CartAdd(cart, sku), window, CancellationToken.None),
            < 13 => () => ReadAsync(cart, window),
            < 15 => () => WriteAsync(Movement(WriteKind.Deposit, payer, amount), window, CancellationToken.None),
            < 19 => () => WriteAsync(Movement(WriteKind.Payment, payer, amount), window, CancellationToken.None),
            _ => () => BadInputAsync(n / 20, cart, payer, window),
        };
    }

    private async Task<bool> SendWriteAsync(WriteRecord write, WindowStats window, int attempts, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (status, response) = await SendAsync(write.Request, window, cancellationToken);
            using (response)
            {
                write.Status = status;
                if (write.Accepted && write.Kind != WriteKind.CartAdd)
                {
                    write.TxnId = (await response!.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("txnId").GetString();
                }

                if (write.Definite || attempt == attempts)
                {
                    return write.Definite;
                }

                await Task.Delay(RetryPolicy.Delay(response, attempt), cancellationToken);
            }
        }
    }

    private async Task<bool> ReadAsync(GuestCart cart, WindowStats window)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (status, response) = await SendAsync(() =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, $"/carts/{cart.CartId}");
                request.Headers.Add("Cookie", cart.Cookie);
                return request;
            }, window, CancellationToken.None);
            using (response)
            {
                if (!RetryPolicy.IsRetryable(status) || attempt == RetryPolicy.MaxAttempts)
                {
                    return !RetryPolicy.IsRetryable(status);
                }

                await Task.Delay(RetryPolicy.Delay(response, attempt));
            }
        }
    }

    /// <summary>Input the edge must refuse with a 4xx whatever state the system is in: malformed JSON, a zero quantity, a negative amount.</summary>
    private async Task<bool> BadInputAsync(long n, GuestCart cart, Payer payer, WindowStats window)
    {
        var (status, response) = await SendAsync(() => (n % 3) switch
        {
            0 => WithKey(CartRequest(cart, new StringContent("{\"sku\": \"SKU-1\", \"qty\": ", Encoding.UTF8, "application/json"))),
            1 => WithKey(CartRequest(cart, JsonContent.Create(new { sku = "SKU-1", qty = 0 }))),
            _ => WithKey(payer.Authorized(HttpMethod.Post, "/payments", JsonContent.Create(new { accountId = payer.AccountId, amount = -5, currency = "EUR", merchantId = "resilience-merchant" }))),
        }, window, CancellationToken.None);
        response?.Dispose();
        if (status >= 500)
        {
            window.BadInputAnswered5xx();
        }

        return status != WindowStats.NoAnswer;
    }

    private static HttpRequestMessage CartRequest(GuestCart cart, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/carts/{cart.CartId}/items") { Content = content };
        request.Headers.Add("Cookie", cart.Cookie);
        return request;
    }

    private static HttpRequestMessage WithKey(HttpRequestMessage request)
    {
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return request;
    }

    /// <summary>One HTTP request, recorded in <paramref name="window"/>; the response (null when none came) is the caller's to dispose.</summary>
    private async Task<(int Status, HttpResponseMessage? Response)> SendAsync(Func<HttpRequestMessage> build, WindowStats window, CancellationToken cancellationToken)
    {
        using var request = build();
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await gateway.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            window.Request((int)response.StatusCode, Stopwatch.GetElapsedTime(started));
            return ((int)response.StatusCode, response);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException && !cancellationToken.IsCancellationRequested)
        {
            window.Request(WindowStats.NoAnswer, Stopwatch.GetElapsedTime(started));
            return (WindowStats.NoAnswer, null);
        }
    }
}
