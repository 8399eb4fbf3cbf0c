using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace IntegrationTests.Carts;

/// <summary>A cart is visible only to its device or its user; anyone else, and an expired cart, reads as 404.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CartOwnershipTests(PlatformFixture platform)
{
    [Fact]
    public async Task Another_devices_cookie_reads_and_writes_404()
    {
        using var owner = CartClient.ThroughGateway(platform);
        using var stranger = CartClient.ThroughGateway(platform);
        var cartId = await owner.CreateCartAsync();
        await owner.AddAsync(cartId, "SKU-8", 1);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/carts/{cartId}")).Status);
        using var write = await stranger.SendAsync(HttpMethod.Post, $"/carts/{cartId}/items", new { sku = "SKU-8", qty = 1 });
        Assert.Equal(HttpStatusCode.NotFound, write.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/carts/{Guid.NewGuid():N}")).Status);
        Assert.Equal(1, CartClient.QuantityOf((await owner.GetAsync($"/carts/{cartId}")).Body, "SKU-8"));
    }

    [Fact]
    public async Task An_expired_guest_cart_reads_404()
    {
        using var owner = CartClient.ThroughGateway(platform);
        var cartId = await owner.CreateCartAsync();
        await using var storage = await CartStorage.ConnectAsync(platform);

        await ExpireAsync(storage, cartId);

        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/carts/{cartId}")).Status);
        using var write = await owner.SendAsync(HttpMethod.Post, $"/carts/{cartId}/items", new { sku = "SKU-8", qty = 1 });
        Assert.Equal(HttpStatusCode.NotFound, write.StatusCode);
    }

    [Fact]
    public async Task After_a_guest_cart_expires_the_device_starts_a_fresh_cart_and_nothing_of_the_old_one_leaks_into_a_sign_in()
    {
        var userId = $"user-{Guid.NewGuid():N}";
        using var guest = CartClient.ThroughGateway(platform);
        var expiredId = await guest.CreateCartAsync();
        await guest.AddAsync(expiredId, "SKU-8", 5);
        await using var storage = await CartStorage.ConnectAsync(platform);
        await ExpireAsync(storage, expiredId);

        using var mergeExpired = await SignedInOnTheSameDevice(guest, userId).SendAsync(HttpMethod.Post, "/carts/merge", new { guestCartId = expiredId });
        var freshId = await guest.CreateCartAsync();
        await guest.AddAsync(freshId, "SKU-9", 1);
        using var signedIn = SignedInOnTheSameDevice(guest, userId);
        using var mergeFresh = await signedIn.SendAsync(HttpMethod.Post, "/carts/merge", new { guestCartId = freshId });
        var mine = (await signedIn.GetAsync("/me/cart")).Body;

        Assert.Equal(HttpStatusCode.NotFound, mergeExpired.StatusCode);
        Assert.NotEqual(expiredId, freshId);
        Assert.Equal(HttpStatusCode.OK, mergeFresh.StatusCode);
        Assert.Equal(1, CartClient.QuantityOf(mine, "SKU-9"));
        Assert.Equal(0, CartClient.QuantityOf(mine, "SKU-8"));
    }

    private CartClient SignedInOnTheSameDevice(CartClient guest, string userId) =>
        CartClient.ThroughGateway(platform, userId, guest.DeviceId);

    /// <summary>Ages a cart past its expiry (DynamoDB Local never deletes expired items) and drops the cached copy.</summary>
    private static async Task ExpireAsync(CartStorage storage, string cartId)
    {
        await storage.DynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = "carts",
            Key = new() { ["PK"] = new AttributeValue($"CART#{cartId}"), ["SK"] = new AttributeValue("META") },
            UpdateExpression = "SET #ttl = :past",
            ExpressionAttributeNames = new() { ["#ttl"] = "ttl" },
            ExpressionAttributeValues = new() { [":past"] = new AttributeValue { N = DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) } },
        });
        await storage.Redis.GetDatabase().KeyDeleteAsync($"cart:{cartId}");
    }

    [Fact]
    public async Task Adding_slides_a_guest_carts_expiry_thirty_days_ahead()
    {
        using var owner = CartClient.ThroughGateway(platform);
        var cartId = await owner.CreateCartAsync();
        await owner.AddAsync(cartId, "SKU-8", 1);
        await using var storage = await CartStorage.ConnectAsync(platform);

        var ttl = long.Parse((await storage.MetaAsync(cartId))["ttl"].N, System.Globalization.CultureInfo.InvariantCulture);

        Assert.InRange(ttl, DateTimeOffset.UtcNow.AddDays(30).AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddDays(30).ToUnixTimeSeconds() + 1);
    }

    [Fact]
    public async Task Signed_in_endpoints_answer_401_problem_details_without_a_valid_token()
    {
        using var anonymous = CartClient.ThroughGateway(platform);

        var (status, body) = await anonymous.GetAsync("/me/cart");
        using var merge = await anonymous.SendAsync(HttpMethod.Post, "/carts/merge", new { guestCartId = "x" });

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("UNAUTHORIZED", body.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, merge.StatusCode);
    }

    [Fact]
    public async Task Cart_api_itself_authenticates_a_request_that_carries_a_token_and_only_a_valid_one()
    {
        var replica = platform.CartApiReplicas[0]; // not through the gateway: Cart.Api's own authentication
        using var signedIn = new CartClient(replica, token: platform.MintToken($"user-{Guid.NewGuid():N}"));
        using var forged = new CartClient(replica, token: "not-a-token");
        using var anonymous = new CartClient(replica);

        using var signedInRead = await signedIn.SendAsync(HttpMethod.Get, "/me/cart");
        using var forgedRead = await forged.SendAsync(HttpMethod.Get, "/me/cart");
        using var anonymousRead = await anonymous.SendAsync(HttpMethod.Get, "/me/cart");

        Assert.Equal(HttpStatusCode.NotFound, signedInRead.StatusCode); // recognised: this new user has no cart yet
        Assert.Equal(HttpStatusCode.Unauthorized, forgedRead.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousRead.StatusCode);
    }
}
