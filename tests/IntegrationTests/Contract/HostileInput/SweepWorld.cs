using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace IntegrationTests.Contract.HostileInput;

/// <summary>
/// The real resources one operation's sweep works on, made through the gateway first so hostile variants reach the
/// checks beyond "not found": a shopper's device with a guest cart, a signed-in user on the same device with a cart of
/// their own, a funded account with a payment, a beneficiary, a product nobody else reprices and a delivery slot.
/// <see cref="Arguments"/> holds them by the names the documents give their parameters and body members.
/// </summary>
internal sealed class SweepWorld : IDisposable
{
    private readonly HttpClient _guest;
    private readonly HttpClient _user;
    private readonly List<string> _witnessPaths = [];

    private SweepWorld(PlatformFixture platform, bool asGuest)
    {
        var deviceId = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        _guest = Client(platform, deviceId, token: null);
        _user = Client(platform, deviceId, platform.MintToken($"sweep-{Guid.NewGuid():N}"));
        AsGuest = asGuest;
    }

    /// <summary>Whether the operation is called by the guest device (a route whose caller may be a guest) or the signed-in user.</summary>
    public bool AsGuest { get; }

    /// <summary>The client that sends the variants.</summary>
    public HttpClient Caller => AsGuest ? _guest : _user;

    public Dictionary<string, string> Arguments { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Makes the resources. <paramref name="ordinal"/> picks a product and a slot day of this world's own, so
    /// operations swept side by side never touch the same one.
    /// </summary>
    public static async Task<SweepWorld> CreateAsync(PlatformFixture platform, bool asGuest, int ordinal, CancellationToken cancellationToken)
    {
        var world = new SweepWorld(platform, asGuest);
        try
        {
            await world.MakeAsync(ordinal, cancellationToken);
            return world;
        }
        catch
        {
            world.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Everything the world holds as its owners read it, one line per resource: two reads differ only if something
    /// changed it.
    /// </summary>
    public async Task<string> WitnessAsync(CancellationToken cancellationToken)
    {
        var reads = await Task.WhenAll(_witnessPaths.Select(async path =>
        {
            var reader = path.StartsWith("/carts/", StringComparison.Ordinal) && path.EndsWith(Arguments["guestCartId"], StringComparison.Ordinal) ? _guest : _user;
            using var response = await reader.GetAsync(path, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);

            // A problem carries its trace and request ids; its status and code are what it says of the resource.
            return response.IsSuccessStatusCode
                ? $"{path} -> {(int)response.StatusCode} {response.Headers.ETag} {body}"
                : $"{path} -> {(int)response.StatusCode} {JsonDocument.Parse(body).RootElement.GetProperty("code")}";
        }));
        return string.Join('\n', reads);
    }

    private async Task MakeAsync(int ordinal, CancellationToken cancellationToken)
    {
        // SKU-2851 on, skipping every tenth (priced in another currency); no other test buys or reprices these.
        var sku = $"SKU-{2851 + ordinal + (ordinal / 9)}";
        var product = await SucceedAsync(_user, HttpMethod.Get, $"/catalog/products/{sku}", null, cancellationToken);
        var slotDay = new DateOnly(2045, 1, 1).AddDays(ordinal); // after the days CommerceAdmin.FreshSlotId picks

        // The user's own cart is a guest cart the user attached; the device then starts the guest cart a merge takes.
        var userCartId = await CartWithOneLineAsync(_guest, sku, "cartId", cancellationToken);
        await SucceedAsync(_user, HttpMethod.Post, "/carts/attach", new { cartId = userCartId }, cancellationToken);
        var userItemId = Arguments["itemId"];
        var guestCartId = await CartWithOneLineAsync(_guest, sku, "guestCartId", cancellationToken);
        if (AsGuest)
        {
            Arguments["cartId"] = guestCartId;
        }
        else
        {
            Arguments["itemId"] = userItemId;
        }

        var accountId = (await SucceedAsync(_user, HttpMethod.Post, "/accounts", new { currency = "USD" }, cancellationToken)).GetProperty("accountId").GetString()!;
        await SucceedAsync(_user, HttpMethod.Post, $"/accounts/{accountId}/deposits", new { amount = 100_000, currency = "USD" }, cancellationToken);
        var merchantId = $"sweep-merchant-{Guid.NewGuid():N}";
        var paid = await SucceedAsync(_user, HttpMethod.Post, "/payments", new { accountId, amount = 100, currency = "USD", merchantId }, cancellationToken);
        var beneficiary = await SucceedAsync(_user, HttpMethod.Post, "/users/me/beneficiaries", new { name = "Ann Example", iban = "GB82 WEST 1234 5698 7654 32", nickname = "Rent" }, cancellationToken);

        Arguments["sku"] = sku;
        Arguments["category"] = product.TryGetProperty("category", out var category) && category.GetString() is { } slug ? slug : "bakery";
        Arguments["slotId"] = $"{slotDay:yyyy-MM-dd}-1000";
        Arguments["date"] = $"{slotDay:yyyy-MM-dd}";
        Arguments["accountId"] = accountId;
        Arguments["merchantId"] = merchantId;
        Arguments["txnId"] = paid.GetProperty("txnId").GetString()!;
        Arguments["beneficiaryId"] = beneficiary.GetProperty("beneficiaryId").GetString()!;

        _witnessPaths.AddRange([$"/carts/{guestCartId}", $"/catalog/products/{sku}", $"/admin/stock/{sku}", $"/delivery-slots?date={slotDay:yyyy-MM-dd}"]);
        if (!AsGuest)
        {
            _witnessPaths.AddRange([
                $"/carts/{userCartId}", "/me/cart", $"/accounts/{accountId}", $"/accounts/{accountId}/transactions",
                "/users/me/beneficiaries", "/users/me/fraud-events",
            ]);
        }
    }

    private async Task<string> CartWithOneLineAsync(HttpClient owner, string sku, string name, CancellationToken cancellationToken)
    {
        var cartId = (await SucceedAsync(owner, HttpMethod.Post, "/carts", new { currency = "USD" }, cancellationToken)).GetProperty("cartId").GetString()!;
        var cart = await SucceedAsync(owner, HttpMethod.Post, $"/carts/{cartId}/items", new { sku, qty = 2, attrs = new { size = "M" } }, cancellationToken);
        Arguments[name] = cartId;
        Arguments["itemId"] = cart.GetProperty("items")[0].GetProperty("itemId").GetString()!;
        return cartId;
    }

    private static async Task<JsonElement> SucceedAsync(HttpClient client, HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (method != HttpMethod.Get)
        {
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        }

        using var response = await client.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"making the sweep's world: {method} {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A client that sends what it is given: its own device cookie, no redirects, header values as UTF-8 bytes.</summary>
    private static HttpClient Client(PlatformFixture platform, string deviceId, string? token)
    {
        var handler = new SocketsHttpHandler
        {
            UseCookies = false,
            UseProxy = false,
            AllowAutoRedirect = false,
            RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8,
        };
        var client = new HttpClient(handler) { BaseAddress = platform.Gateway };
        client.DefaultRequestHeaders.Add("Cookie", $"deviceId={deviceId}");
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public void Dispose()
    {
        _guest.Dispose();
        _user.Dispose();
    }
}
