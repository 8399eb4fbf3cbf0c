using Cart.Api.Caching;
using Cart.Api.Contracts;
using Cart.Api.Model;
using System.Text;
using System.Text.Json;
using Xunit;

namespace UnitTests.Carts;

public class CachedCartFormatTests
{
    private static readonly CartView View = CartView.Of(CartRenderer.Render(new CartSnapshot(
        new CartHeader("c1", "EUR", CartStatus.Open, 4, "t", "t", 1_900_000_000, "device-1", null),
        [new CartLine("SKU-1", "size:M", 2, new Dictionary<string, string> { ["size"] = "M" }, new Money(137, "EUR"), "web", "2026-11-24T23:05:41.649Z")],
        [])));

    [Fact]
    public void An_entry_reads_back_with_the_cart_bytes_exactly_as_written()
    {
        var entry = new CachedCart(4, 1_700_000_000_000, CartStatus.Open, "device-1", null, 1_900_000_000, View) { CreatedAt = "2026-11-20T10:00:00.000Z" };

        var read = CachedCartFormat.Read(CachedCartFormat.Write(entry));

        Assert.NotNull(read);
        Assert.Equal("2026-11-20T10:00:00.000Z", read.CreatedAt);
        Assert.Equal((4L, 1_700_000_000_000L, CartStatus.Open, "device-1", (string?)null, (long?)1_900_000_000), (read.Version, read.CachedAt, read.Status, read.DeviceId, read.UserId, read.Ttl));
        Assert.Equal(View.Json.ToArray(), read.Cart.Json.ToArray());
        Assert.Equal((4L, CartStatus.Open), (read.Cart.Version, read.Cart.Status));
    }

    [Fact]
    public void The_cart_bytes_are_what_the_http_json_options_write_for_the_document()
    {
        var document = CartRenderer.Render(new CartSnapshot(new CartHeader("c2", "USD", CartStatus.Open, 1, "t", "t", null, null, "user-1"), [], []));
        var http = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };
        http.TypeInfoResolverChain.Insert(0, CartJsonContext.Default);

        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(document, http), CartView.Of(document).Json.ToArray());
    }

    [Fact]
    public void The_version_is_a_top_level_number_for_the_set_if_newer_script()
    {
        var json = CachedCartFormat.Write(new CachedCart(9, 1, CartStatus.Open, null, "user-1", null, View));

        using var parsed = JsonDocument.Parse(json);
        Assert.Equal(9, parsed.RootElement.GetProperty("version").GetInt64());
        Assert.False(parsed.RootElement.TryGetProperty("ttl", out _));
        Assert.Equal(JsonValueKind.Object, parsed.RootElement.GetProperty("cart").ValueKind);
    }

    [Fact]
    public void Unknown_members_are_skipped_and_an_entry_without_a_status_reads_as_absent()
    {
        var cart = Encoding.UTF8.GetString(View.Json.Span);
        var withExtra = Encoding.UTF8.GetBytes($$"""{"extra":{"a":[1,2]},"version":4,"cachedAt":1,"status":"OPEN","ttl":null,"cart":{{cart}},"later":true}""");
        var olderFormat = Encoding.UTF8.GetBytes($$"""{"version":4,"cachedAt":1,"deviceId":"device-1","cart":{{cart}}}""");

        Assert.Equal(View.Json.ToArray(), CachedCartFormat.Read(withExtra)!.Cart.Json.ToArray());
        Assert.Null(CachedCartFormat.Read(withExtra)!.Ttl);
        Assert.Null(CachedCartFormat.Read(olderFormat));
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"version\":\"4\",\"cachedAt\":1,\"status\":\"OPEN\",\"cart\":{}}")]
    [InlineData("{\"version\":4,\"cachedAt\":1,\"status\":\"OPEN\",\"cart\":[]}")]
    [InlineData("{\"version\":4,\"cachedAt\":1,\"status\":\"OPEN\",\"cart\":{\"a\":")]
    public void Malformed_entries_throw_a_json_exception(string json)
    {
        Assert.ThrowsAny<JsonException>(() => CachedCartFormat.Read(Encoding.UTF8.GetBytes(json)));
    }
}
