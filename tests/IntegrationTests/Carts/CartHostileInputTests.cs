using System.Net;
using System.Net.Http.Headers;
using System.Text;
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

    private static Task<HttpResponseMessage> PostRawAsync(CartClient shopper, string path, string json, string? key)
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return shopper.SendRawAsync(HttpMethod.Post, path, content, key);
    }
}
