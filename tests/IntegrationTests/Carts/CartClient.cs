using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;

namespace IntegrationTests.Carts;

/// <summary>
/// A shopper's HTTP client: its own device cookie (sent explicitly, so the same device can be used through the
/// gateway or straight at one Cart.Api replica) and, optionally, a development bearer token.
/// </summary>
public sealed class CartClient : IDisposable
{
    private readonly HttpClient _http;

    public CartClient(Uri baseAddress, string? deviceId = null, string? token = null)
    {
        DeviceId = deviceId ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        _http = new HttpClient(new SocketsHttpHandler { UseCookies = false, UseProxy = false }) { BaseAddress = baseAddress };
        _http.DefaultRequestHeaders.Add("Cookie", $"deviceId={DeviceId}");
        if (token is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    public string DeviceId { get; }

    public static CartClient ThroughGateway(PlatformFixture platform, string? userId = null, string? deviceId = null) =>
        new(platform.Gateway, deviceId, userId is null ? null : platform.MintToken(userId));

    public Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, object? body = null, string? idempotencyKey = null, string? ifMatch = null, CancellationToken cancellationToken = default) =>
        _http.SendAsync(Request(method, path, body, idempotencyKey, ifMatch), cancellationToken);

    /// <summary>Sent again with the same key until the answer is definite (<see cref="DefiniteAnswers"/>), as a client with a durable key does.</summary>
    public Task<HttpResponseMessage> SendUntilDefiniteAsync(HttpMethod method, string path, object? body, string idempotencyKey) =>
        DefiniteAnswers.SendAsync(_http, () => Request(method, path, body, idempotencyKey, ifMatch: null));

    private static HttpRequestMessage Request(HttpMethod method, string path, object? body, string? idempotencyKey, string? ifMatch)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return request;
    }

    /// <summary>Sends <paramref name="content"/> as it is (hostile-input tests need bytes a serializer would never write).</summary>
    public Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, HttpContent content, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return _http.SendAsync(request);
    }

    public async Task<string> CreateCartAsync(string? currency = null)
    {
        using var response = await SendAsync(HttpMethod.Post, "/carts", currency is null ? new { } : new { currency });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cartId").GetString()!;
    }

    public async Task<JsonElement> AddAsync(string cartId, string sku, int qty, string? key = null, object? attrs = null)
    {
        using var response = await SendAsync(HttpMethod.Post, $"/carts/{cartId}/items", new { sku, qty, attrs }, key);
        Assert.True(response.IsSuccessStatusCode, $"add {sku} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<(System.Net.HttpStatusCode Status, JsonElement Body)> GetAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>A GET with the tier that served it (<c>Cache-Status</c>: <c>local; hit</c>, <c>redis; hit</c>, <c>redis; fwd=miss</c>).</summary>
    public async Task<(System.Net.HttpStatusCode Status, JsonElement Body, string? CacheStatus)> ReadAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        var cacheStatus = response.Headers.TryGetValues("Cache-Status", out var values) ? string.Join(", ", values) : null;
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), cacheStatus);
    }

    /// <summary>Reads the cart until this replica answers it from its local tier (it fills on a read, and again once re-subscribed).</summary>
    public Task<(System.Net.HttpStatusCode Status, JsonElement Body, string? CacheStatus)> HoldLocallyAsync(string cartId) =>
        Eventually.ReturnsAsync(() => ReadAsync($"/carts/{cartId}"), read => read.CacheStatus == LocalHit);

    /// <summary>The <c>Cache-Status</c> of a read served from the replica's own memory.</summary>
    public const string LocalHit = "local; hit";

    public static int QuantityOf(JsonElement cart, string sku) =>
        cart.GetProperty("items").EnumerateArray().Where(item => item.GetProperty("sku").GetString() == sku).Sum(item => item.GetProperty("qty").GetInt32());

    public void Dispose() => _http.Dispose();
}
