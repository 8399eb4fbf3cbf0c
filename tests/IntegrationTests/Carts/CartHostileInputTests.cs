using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IntegrationTests.Gateway;

namespace IntegrationTests.Carts;

/// <summary>DESIGN §3 "Hostile input" on carts: refused with a problem detail, never stored, never a 5xx.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CartHostileInputTests(PlatformFixture platform)
{
    [Theory]
    [InlineData("""{"sku":"SKU-1\n","qty":1}""", "sku")]
    [InlineData("""{"sku":"SKU-1","qty":1,"attrs":{"size\n":"M"}}""", "attrs.size\n")]
    [InlineData("""{"sku":"SKU-1","qty":1,"source":"web\n"}""", "source")]
    public async Task A_trailing_newline_does_not_enter_a_cart(string body, string field)
    {
        using var shopper = CartClient.ThroughGateway(platform);
        var cartId = await shopper.CreateCartAsync();

        using var response = await PostRawAsync(shopper, $"/carts/{cartId}/items", body, Guid.NewGuid().ToString());

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "VALIDATION_FAILED");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Empty((await shopper.GetAsync($"/carts/{cartId}")).Body.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Attributes_too_long_for_an_item_key_are_a_422_and_the_longest_allowed_line_stays_editable()
    {
        using var shopper = CartClient.ThroughGateway(platform);
        var cartId = await shopper.CreateCartAsync();
        // Each pair is within its own bounds (name 32, value 64 characters), but eleven of them would make a sort key
        // past DynamoDB's 1,024 bytes, and six an item id longer than the id the item routes accept.
        var tooMany = Enumerable.Range(0, 11).ToDictionary(i => $"k{i:D2}".PadRight(32, 'x'), i => new string((char)('a' + i), 64));

        using var refused = await shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/items", new { sku = "SKU-1", qty = 1, attrs = tooMany }, Guid.NewGuid().ToString());

        var problem = await refused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "VALIDATION_FAILED");
        Assert.True(problem.GetProperty("errors").TryGetProperty("attrs", out _), problem.ToString());
        Assert.Empty((await shopper.GetAsync($"/carts/{cartId}")).Body.GetProperty("items").EnumerateArray());

        // Three pairs of 32 + 64 characters: a line of about 300 bytes, accepted, and its item id works on the item routes.
        var allowed = Enumerable.Range(0, 3).ToDictionary(i => $"k{i:D2}".PadRight(32, 'x'), i => new string((char)('a' + i), 64));
        using var added = await shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/items", new { sku = "SKU-1", qty = 1, attrs = allowed }, Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var itemId = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items")[0].GetProperty("itemId").GetString();
        using var changed = await shopper.SendAsync(HttpMethod.Patch, $"/carts/{cartId}/items/{itemId}", new { qty = 4 }, Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(4, CartClient.QuantityOf((await shopper.GetAsync($"/carts/{cartId}")).Body, "SKU-1"));
    }

    [Theory]
    [InlineData("""{"sku":"SKU-1","qty":1,"QTY":500}""")]
    [InlineData("""{"sku":"SKU-1","qty":1,"attrs":{"size":"M","Size":"L"}}""")]
    [InlineData("""{"sku":"SKU-1","qty":1,"note":"\ud800"}""")]
    public async Task Duplicate_members_and_lone_surrogates_are_a_400_and_change_nothing(string body)
    {
        using var shopper = CartClient.ThroughGateway(platform);
        var cartId = await shopper.CreateCartAsync();

        using var keyed = await PostRawAsync(shopper, $"/carts/{cartId}/items", body, Guid.NewGuid().ToString());
        using var unkeyed = await PostRawAsync(shopper, $"/carts/{cartId}/items", body, key: null);

        await keyed.AssertProblemAsync(HttpStatusCode.BadRequest, "MALFORMED_JSON");
        await unkeyed.AssertProblemAsync(HttpStatusCode.BadRequest, "MALFORMED_JSON");
        Assert.Empty((await shopper.GetAsync($"/carts/{cartId}")).Body.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_cart_currency_with_a_trailing_newline_is_refused()
    {
        using var shopper = CartClient.ThroughGateway(platform);

        using var response = await PostRawAsync(shopper, "/carts", """{"currency":"USD\n"}""", key: null);

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "VALIDATION_FAILED");
    }

    [Theory]
    [InlineData("""{"sku":"SKU-1","qty":1,"attrs":{"size":"\u202EL"}}""")]
    [InlineData("""{"sku":"SKU-1","qty":1,"attrs":{"size":"M\u2028"}}""")]
    [InlineData("""{"sku":"SKU-1","qty":1,"attrs":{"size":"M\u200B"}}""")]
    public async Task An_invisible_character_in_an_attribute_value_is_a_422_and_changes_nothing(string body)
    {
        using var shopper = CartClient.ThroughGateway(platform);
        var cartId = await shopper.CreateCartAsync();

        using var response = await PostRawAsync(shopper, $"/carts/{cartId}/items", body, Guid.NewGuid().ToString());

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "VALIDATION_FAILED");
        Assert.True(problem.GetProperty("errors").TryGetProperty("attrs.size", out _), problem.ToString());
        Assert.Empty((await shopper.GetAsync($"/carts/{cartId}")).Body.GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("""{"currency":"XYZ"}""")]
    [InlineData("""{"currency":"XAU"}""")]
    public async Task A_cart_currency_that_is_not_ISO_4217_is_refused(string body)
    {
        using var shopper = CartClient.ThroughGateway(platform);

        using var response = await PostRawAsync(shopper, "/carts", body, key: null);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "VALIDATION_FAILED");
        Assert.True(problem.GetProperty("errors").TryGetProperty("currency", out _), problem.ToString());
    }

    [Theory]
    [InlineData("application/json; charset=klingon")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("application/json; charset=iso-8859-1")]
    public async Task A_json_body_in_a_charset_other_than_utf8_is_a_415_and_changes_nothing(string contentType)
    {
        using var shopper = CartClient.ThroughGateway(platform);
        var cartId = await shopper.CreateCartAsync();

        using var response = await PostRawAsync(shopper, $"/carts/{cartId}/items", """{"sku":"SKU-1","qty":1}""", Guid.NewGuid().ToString(), contentType);

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
        Assert.Empty((await shopper.GetAsync($"/carts/{cartId}")).Body.GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=\"UTF-8\"")]
    [InlineData("application/json; charset=utf8")]
    public async Task A_json_body_that_names_utf8_as_its_charset_is_read(string contentType)
    {
        using var shopper = CartClient.ThroughGateway(platform);
        var cartId = await shopper.CreateCartAsync();

        using var response = await PostRawAsync(shopper, $"/carts/{cartId}/items", """{"sku":"SKU-1","qty":1}""", Guid.NewGuid().ToString(), contentType);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task A_body_sent_to_a_change_that_reads_none_is_ignored_not_refused_with_a_problem_its_document_does_not_list()
    {
        using var shopper = CartClient.ThroughGateway(platform);
        var cartId = await shopper.CreateCartAsync();
        var itemId = (await shopper.AddAsync(cartId, "SKU-1", 1)).GetProperty("items")[0].GetProperty("itemId").GetString();

        using var removed = await shopper.SendRawAsync(
            HttpMethod.Delete, $"/carts/{cartId}/items/{itemId}", new StringContent("not json", Encoding.UTF8, "application/json"), Guid.NewGuid().ToString());

        Assert.True(removed.StatusCode == HttpStatusCode.OK, $"{(int)removed.StatusCode}: {await removed.Content.ReadAsStringAsync()}");
        Assert.Empty((await shopper.GetAsync($"/carts/{cartId}")).Body.GetProperty("items").EnumerateArray());
    }

    /// <summary>Posts <paramref name="json"/> as UTF-8, declared as <paramref name="contentType"/>.</summary>
    private static Task<HttpResponseMessage> PostRawAsync(CartClient shopper, string path, string json, string? key, string contentType = "application/json")
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return shopper.SendRawAsync(HttpMethod.Post, path, content, key);
    }
}
