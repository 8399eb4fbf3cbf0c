using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Bench;

/// <summary>
/// The soak's traffic: guest carts created all the time, each used for a while (reads, adds, removes) by a ring of
/// active carts, then abandoned; an abandoned cart is read again once its lifetime (and the cache's) has surely
/// passed — a 404 by design, since reads filter expired carts that DynamoDB Local keeps. Every answer is counted by
/// operation and status; the bench's client does not retry.
/// </summary>
internal sealed class SoakShoppers(HttpClient gateway, TimeSpan guestLifetime)
{
    public const string Create = "create cart";
    public const string Read = "read cart";
    public const string Add = "add item";
    public const string Remove = "remove item";
    public const string ReadExpired = "read expired cart";

    private const int ActiveCarts = 100;

    // Past its lifetime a cart is expired in DynamoDB; its rendering may stay in Redis up to the cache's 20 s, and a write
    // still in flight when it was abandoned may have renewed it up to the client's 10 s timeout later.
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(40);

    // USD skus only (the seeded catalog prices every tenth in EUR, and a cart holds one currency).
    private static readonly string[] Skus = [.. Enumerable.Range(1, 299).Where(n => n % 10 != 0).Select(n => $"SKU-{n}")];

    private readonly SoakCart[] _active = new SoakCart[ActiveCarts];
    private readonly ConcurrentQueue<(SoakCart Cart, long AbandonedAt)> _abandoned = new();
    private readonly ConcurrentDictionary<(string Operation, string Status), long> _answers = new();
    private long _created;

    /// <summary>Answers by operation and status (a number, or the exception when no answer came).</summary>
    public IReadOnlyDictionary<(string Operation, string Status), long> Answers => _answers;

    public async Task FillAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < ActiveCarts; i++)
        {
            _active[i] = await CreateCartAsync(cancellationToken) ?? throw new InvalidOperationException("The gateway did not create a guest cart.");
        }
    }

    /// <summary>Request <paramref name="sequence"/> of the mix: per 20, 1 create, 1 expired read, 10 reads, 5 adds, 3 removes.</summary>
    public Task<bool> SendAsync(long sequence, CancellationToken cancellationToken)
    {
        var cart = _active[(sequence / 20 + sequence) % ActiveCarts];
        return (sequence % 20) switch
        {
            0 => ReplaceOldestAsync(cancellationToken),
            1 => ReadExpiredAsync(cart, cancellationToken),
            < 12 => ReadAsync(cart, Read, HttpStatusCode.OK, cancellationToken),
            < 17 => AddAsync(cart, cancellationToken),
            _ => RemoveAsync(cart, cancellationToken),
        };
    }

    private async Task<bool> ReplaceOldestAsync(CancellationToken cancellationToken)
    {
        if (await CreateCartAsync(cancellationToken) is not { } fresh)
        {
            return false;
        }

        var slot = (int)(Interlocked.Increment(ref _created) % ActiveCarts);
        var old = Interlocked.Exchange(ref _active[slot], fresh);
        _abandoned.Enqueue((old, Stopwatch.GetTimestamp()));
        return true;
    }

    private Task<bool> ReadExpiredAsync(SoakCart active, CancellationToken cancellationToken)
    {
        // Read each abandoned cart once, when it is surely expired; until the first one is, read an active cart.
        if (_abandoned.TryPeek(out var head) && Stopwatch.GetElapsedTime(head.AbandonedAt) > guestLifetime + ExpiryMargin
            && _abandoned.TryDequeue(out var due))
        {
            return ReadAsync(due.Cart, ReadExpired, HttpStatusCode.NotFound, cancellationToken);
        }

        return ReadAsync(active, Read, HttpStatusCode.OK, cancellationToken);
    }

    private async Task<bool> ReadAsync(SoakCart cart, string operation, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        using var request = cart.Request(HttpMethod.Get, "");
        var (status, _) = await SendAsync(operation, request, cancellationToken);
        return status == expected;
    }

    private async Task<bool> AddAsync(SoakCart cart, CancellationToken cancellationToken)
    {
        var sku = Skus[cart.NextSku() % Skus.Length];
        using var request = cart.Request(HttpMethod.Post, "/items", new { sku, qty = 1 });
        var (status, body) = await SendAsync(Add, request, cancellationToken);
        if (status != HttpStatusCode.OK)
        {
            return false;
        }

        var line = body.GetProperty("items").EnumerateArray().FirstOrDefault(l => l.GetProperty("sku").GetString() == sku);
        if (line.ValueKind == JsonValueKind.Object)
        {
            cart.ItemIds.Enqueue(line.GetProperty("itemId").GetString()!);
        }

        return true;
    }

    private async Task<bool> RemoveAsync(SoakCart cart, CancellationToken cancellationToken)
    {
        if (!cart.ItemIds.TryDequeue(out var itemId))
        {
            return await AddAsync(cart, cancellationToken);
        }

        using var request = cart.Request(HttpMethod.Delete, $"/items/{Uri.EscapeDataString(itemId)}");
        var (status, _) = await SendAsync(Remove, request, cancellationToken);
        return status == HttpStatusCode.OK;
    }

    private async Task<SoakCart?> CreateCartAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/carts") { Content = JsonContent.Create(new { }) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        var (status, body) = await SendAsync(Create, request, cancellationToken, keepCookie: true);
        return status == HttpStatusCode.Created ? new SoakCart(body.GetProperty("cartId").GetString()!, body.GetProperty("cookie").GetString()!) : null;
    }

    private async Task<(HttpStatusCode? Status, JsonElement Body)> SendAsync(string operation, HttpRequestMessage request, CancellationToken cancellationToken, bool keepCookie = false)
    {
        try
        {
            using var response = await gateway.SendAsync(request, cancellationToken);
            Count(operation, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
            if (!response.IsSuccessStatusCode)
            {
                return (response.StatusCode, default);
            }

            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            if (keepCookie)
            {
                // The deviceId cookie the gateway issued owns the new cart: kept beside the body for the caller.
                var cookie = response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("deviceId=", StringComparison.Ordinal)).Split(';')[0];
                body = JsonSerializer.SerializeToElement(new { cartId = body.GetProperty("cartId").GetString(), cookie });
            }

            return (response.StatusCode, body);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException or JsonException && !cancellationToken.IsCancellationRequested)
        {
            Count(operation, exception.GetType().Name);
            return (null, default);
        }
    }

    private void Count(string operation, string status) => _answers.AddOrUpdate((operation, status), 1, (_, n) => n + 1);

    /// <summary>A guest cart of the soak, the cookie that owns it and the lines added to it not yet removed.</summary>
    private sealed class SoakCart(string cartId, string cookie)
    {
        private int _skus;

        public ConcurrentQueue<string> ItemIds { get; } = new();

        public int NextSku() => Interlocked.Increment(ref _skus);

        public HttpRequestMessage Request(HttpMethod method, string subPath, object? body = null)
        {
            var request = new HttpRequestMessage(method, $"/carts/{cartId}{subPath}");
            if (body is not null)
            {
                request.Content = JsonContent.Create(body);
            }

            request.Headers.Add("Cookie", cookie);
            if (method != HttpMethod.Get)
            {
                request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
            }

            return request;
        }
    }
}
