using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace IntegrationTests.Carts;

/// <summary>Changing and removing lines, promo codes, preconditions and validation, through the gateway.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CartItemsTests(PlatformFixture platform)
{
    [Fact]
    public async Task Patching_a_line_sets_its_quantity_applies_promo_codes_and_zero_removes_it()
    {
        using var shopper = CartClient.ThroughGateway(platform);
        var cartId = await shopper.CreateCartAsync();
        var cart = await shopper.AddAsync(cartId, "SKU-1", 1);
        var item = cart.GetProperty("items")[0];
        var itemId = item.GetProperty("itemId").GetString();
        var unitPrice = item.GetProperty("priceSnapshot").GetProperty("amount").GetInt64(); // from the seeded catalog
        Assert.True(unitPrice > 0);

        using var patched = await shopper.SendAsync(HttpMethod.Patch, $"/carts/{cartId}/items/{itemId}", new { qty = 10, promoCodes = new[] { "SAVE10" } });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var body = await patched.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(10, CartClient.QuantityOf(body, "SKU-1"));
        var discount = Assert.Single(body.GetProperty("discounts").EnumerateArray());
        Assert.Equal("SAVE10", discount.GetProperty("promoId").GetString());
        Assert.Equal(unitPrice * 10 / 10, discount.GetProperty("amount").GetInt64());
        Assert.Equal((unitPrice * 10) - (unitPrice * 10 / 10), body.GetProperty("totals").GetProperty("total").GetInt64());

        using var removed = await shopper.SendAsync(HttpMethod.Patch, $"/carts/{cartId}/items/{itemId}", new { qty = 0 });
        var empty = await removed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Empty(empty.GetProperty("items").EnumerateArray());
        Assert.Empty(empty.GetProperty("discounts").EnumerateArray()); // recomputed with the line gone
    }

    [Fact]
    public async Task Deleting_a_line_removes_it_and_a_stale_if_match_is_412()
    {
        using var shopper = CartClient.ThroughGateway(platform);
        var cartId = await shopper.CreateCartAsync();
        await shopper.AddAsync(cartId, "SKU-1", 1);
        var cart = await shopper.AddAsync(cartId, "SKU-2", 1);
        var itemId = cart.GetProperty("items")[0].GetProperty("itemId").GetString();

        using var stale = await shopper.SendAsync(HttpMethod.Delete, $"/carts/{cartId}/items/{itemId}", ifMatch: "\"1\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);

        using var deleted = await shopper.SendAsync(HttpMethod.Delete, $"/carts/{cartId}/items/{itemId}", ifMatch: $"\"{cart.GetProperty("version").GetInt64()}\"");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal("\"4\"", deleted.Headers.ETag!.Tag);
        var (_, after) = await shopper.GetAsync($"/carts/{cartId}");
        Assert.Equal(["SKU-2"], after.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sku").GetString()));
    }

    [Fact]
    public async Task Malformed_and_invalid_requests_are_problem_details_never_500()
    {
        using var shopper = CartClient.ThroughGateway(platform);
        var cartId = await shopper.CreateCartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, UseProxy = false }) { BaseAddress = platform.Gateway };
        http.DefaultRequestHeaders.Add("Cookie", $"deviceId={shopper.DeviceId}");

        using var malformed = await http.PostAsync($"/carts/{cartId}/items", new StringContent("{\"sku\":", Encoding.UTF8, "application/json"));
        using var wrongType = await http.PostAsync($"/carts/{cartId}/items", new StringContent("{\"sku\":1,\"qty\":\"x\"}", Encoding.UTF8, "application/json"));
        using var invalid = await shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/items", new { sku = "bad sku!", qty = 1000, attrs = new { size = "a;b" } });
        using var badPromo = await shopper.SendAsync(HttpMethod.Patch, $"/carts/{cartId}/items/not-an-item", new { qty = 1, promoCodes = new[] { "lower" } });
        using var unknownItem = await shopper.SendAsync(HttpMethod.Patch, $"/carts/{cartId}/items/AAAA", new { qty = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("sku", out _));
        Assert.True(errors.TryGetProperty("qty", out _));
        Assert.True(errors.TryGetProperty("attrs.size", out _));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badPromo.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownItem.StatusCode);
    }

    [Fact]
    public async Task A_sku_that_is_not_in_the_catalog_is_refused_and_not_added_as_a_free_line()
    {
        using var shopper = CartClient.ThroughGateway(platform);
        var cartId = await shopper.CreateCartAsync();

        using var response = await shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/items", new { sku = "SKU-9999", qty = 1 });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("VALIDATION_FAILED", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("sku", out _));
        var (_, cart) = await shopper.GetAsync($"/carts/{cartId}");
        Assert.Empty(cart.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_lines_price_comes_from_the_catalog_whatever_price_the_client_sends()
    {
        using var shopper = CartClient.ThroughGateway(platform);
        var catalogPrice = (await shopper.AddAsync(await shopper.CreateCartAsync(), "SKU-3", 1)).GetProperty("items")[0].GetProperty("priceSnapshot").GetProperty("amount").GetInt64();
        var cartId = await shopper.CreateCartAsync();

        using var response = await shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/items", new { sku = "SKU-3", qty = 1, priceSnapshot = new { amount = 0, currency = "USD" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cart = await response.Content.ReadFromJsonAsync<JsonElement>();
        var line = cart.GetProperty("items").EnumerateArray().Single(item => item.GetProperty("sku").GetString() == "SKU-3");
        Assert.Equal(catalogPrice, line.GetProperty("priceSnapshot").GetProperty("amount").GetInt64());
    }

    [Fact]
    public async Task A_line_whose_sku_left_the_catalog_can_be_removed_but_not_set_to_a_quantity()
    {
        using var shopper = CartClient.ThroughGateway(platform);
        var cartId = await shopper.CreateCartAsync();
        await shopper.AddAsync(cartId, "SKU-1", 1);
        await using var storage = await CartStorage.ConnectAsync(platform);
        var itemId = await storage.PutLineAsync(cartId, "SKU-9999");

        using var set = await shopper.SendAsync(HttpMethod.Patch, $"/carts/{cartId}/items/{itemId}", new { qty = 5 });
        using var removed = await shopper.SendAsync(HttpMethod.Delete, $"/carts/{cartId}/items/{itemId}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, set.StatusCode);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(["SKU-1"], (await removed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sku").GetString()));
    }

    [Fact]
    public async Task The_openapi_document_describes_every_cart_endpoint()
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = platform.CartApiReplicas[0] };

        var document = await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/carts", "/carts/{cartId}", "/carts/{cartId}/items", "/carts/{cartId}/items/{itemId}", "/carts/attach", "/carts/merge", "/carts/{cartId}/checkout", "/me/cart" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }
    }
}
