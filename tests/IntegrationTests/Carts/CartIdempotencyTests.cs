using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IntegrationTests.Carts;

/// <summary>Idempotency-Key on cart mutations, through the gateway.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CartIdempotencyTests(PlatformFixture platform)
{
    [Fact]
    public async Task Replaying_an_add_returns_the_original_body_and_does_not_double_the_quantity()
    {
        using var shopper = CartClient.ThroughGateway(platform);
        var cartId = await shopper.CreateCartAsync();
        var key = Guid.NewGuid().ToString();

        using var first = await shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/items", new { sku = "SKU-2", qty = 2 }, key);
        using var replay = await shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/items", new { qty = 2, sku = "SKU-2" }, key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal("true", Assert.Single(replay.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.ETag, replay.Headers.ETag);
        var (_, cart) = await shopper.GetAsync($"/carts/{cartId}");
        Assert.Equal(2, CartClient.QuantityOf(cart, "SKU-2"));
    }

    [Fact]
    public async Task The_same_add_sent_ten_times_at_once_is_applied_once_and_every_answer_is_the_same()
    {
        using var shopper = CartClient.ThroughGateway(platform);
        var cartId = await shopper.CreateCartAsync();
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/items", new { sku = "SKU-3", qty = 3 }, key)));

        try
        {
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
            Assert.Single(bodies.Distinct());
            Assert.Equal(9, responses.Count(r => r.Headers.Contains("Idempotent-Replayed")));
            var (_, cart) = await shopper.GetAsync($"/carts/{cartId}");
            Assert.Equal(3, CartClient.QuantityOf(cart, "SKU-3"));
            Assert.Equal(2, cart.GetProperty("version").GetInt64());
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    [Fact]
    public async Task Retrying_a_merge_that_succeeded_replays_its_answer_instead_of_a_conflict()
    {
        // Merge takes its key with the transaction: nothing is read up front, and the retry meets a guest cart its own
        // first attempt already merged, which the handler answers 409. The key's record holds the real answer.
        var userId = $"user-{Guid.NewGuid():N}";
        using var signedIn = CartClient.ThroughGateway(platform, userId);
        var userCartId = await signedIn.CreateCartAsync();
        (await signedIn.SendAsync(HttpMethod.Post, "/carts/attach", new { cartId = userCartId })).Dispose();
        var guestId = await signedIn.CreateCartAsync();
        await signedIn.AddAsync(guestId, "SKU-7", 2);
        var key = Guid.NewGuid().ToString();

        using var first = await signedIn.SendAsync(HttpMethod.Post, "/carts/merge", new { guestCartId = guestId }, key);
        using var retry = await signedIn.SendAsync(HttpMethod.Post, "/carts/merge", new { guestCartId = guestId }, key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("true", Assert.Single(retry.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(2, CartClient.QuantityOf((await signedIn.GetAsync("/me/cart")).Body, "SKU-7"));

        // Without the key the same request is a new one, and the handler's answer stands.
        using var unkeyed = await signedIn.SendAsync(HttpMethod.Post, "/carts/merge", new { guestCartId = guestId });
        Assert.Equal(HttpStatusCode.Conflict, unkeyed.StatusCode);
    }

    [Theory]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task A_stale_if_match_does_not_spend_the_key_so_its_retry_with_a_fresh_one_succeeds(string method)
    {
        using var shopper = CartClient.ThroughGateway(platform);
        var cartId = await shopper.CreateCartAsync();
        await shopper.AddAsync(cartId, "SKU-1", 1);
        var cart = await shopper.AddAsync(cartId, "SKU-2", 1);
        var itemId = cart.GetProperty("items")[0].GetProperty("itemId").GetString();
        var fresh = $"\"{cart.GetProperty("version").GetInt64()}\"";
        var key = Guid.NewGuid().ToString();
        var body = method == "PATCH" ? new { qty = 5 } : null;

        using var stale = await shopper.SendAsync(new HttpMethod(method), $"/carts/{cartId}/items/{itemId}", body, key, ifMatch: "\"1\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);

        // The client re-reads and retries with the same key: a 412 changed nothing, so it is not replayed.
        using var retried = await shopper.SendAsync(new HttpMethod(method), $"/carts/{cartId}/items/{itemId}", body, key, ifMatch: fresh);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.False(retried.Headers.Contains("Idempotent-Replayed"));

        // That success is the key's outcome now: sent again (its If-Match stale by its own change), it is replayed.
        using var replayed = await shopper.SendAsync(new HttpMethod(method), $"/carts/{cartId}/items/{itemId}", body, key, ifMatch: fresh);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Equal("true", Assert.Single(replayed.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(await retried.Content.ReadAsStringAsync(), await replayed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Reusing_a_key_for_another_body_is_rejected_with_422()
    {
        using var shopper = CartClient.ThroughGateway(platform);
        var cartId = await shopper.CreateCartAsync();
        var key = Guid.NewGuid().ToString();
        (await shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/items", new { sku = "SKU-2", qty = 1 }, key)).Dispose();

        using var reused = await shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/items", new { sku = "SKU-2", qty = 5 }, key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("IDEMPOTENCY_KEY_REUSED", (await reused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var (_, cart) = await shopper.GetAsync($"/carts/{cartId}");
        Assert.Equal(1, CartClient.QuantityOf(cart, "SKU-2"));
    }

    [Fact]
    public async Task A_signed_in_callers_key_used_to_create_a_cart_and_then_to_merge_is_reused()
    {
        // Both name no existing cart, so both are scoped to the principal (DESIGN §3): one key, two operations, a 422.
        var userId = $"user-{Guid.NewGuid():N}";
        using var signedIn = CartClient.ThroughGateway(platform, userId);
        var guestId = await signedIn.CreateCartAsync();
        var key = Guid.NewGuid().ToString();
        using (var created = await signedIn.SendAsync(HttpMethod.Post, "/carts", new { }, key))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var merge = await signedIn.SendAsync(HttpMethod.Post, "/carts/merge", new { guestCartId = guestId }, key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, merge.StatusCode);
        Assert.Equal("IDEMPOTENCY_KEY_REUSED", (await merge.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal("OPEN", (await signedIn.GetAsync($"/carts/{guestId}")).Body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Creating_a_cart_twice_with_one_key_creates_one_cart()
    {
        using var shopper = CartClient.ThroughGateway(platform);
        var key = Guid.NewGuid().ToString();

        using var first = await shopper.SendAsync(HttpMethod.Post, "/carts", new { }, key);
        using var replay = await shopper.SendAsync(HttpMethod.Post, "/carts", new { }, key);

        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, replay.Headers.Location);
    }
}
