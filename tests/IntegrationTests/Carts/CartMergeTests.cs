using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IntegrationTests.Carts;

/// <summary>Signing in with a guest cart: attach and merge are single transactions.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CartMergeTests(PlatformFixture platform)
{
    [Fact]
    public async Task Two_concurrent_merges_of_one_guest_cart_give_one_success_one_conflict_and_the_right_cart()
    {
        var userId = $"user-{Guid.NewGuid():N}";
        using var signedIn = CartClient.ThroughGateway(platform, userId);
        var userCartId = await signedIn.CreateCartAsync();
        await signedIn.AddAsync(userCartId, "SKU-5", 2);
        using (var attached = await signedIn.SendAsync(HttpMethod.Post, "/carts/attach", new { cartId = userCartId }))
        {
            Assert.Equal(HttpStatusCode.OK, attached.StatusCode);
        }

        // A guest cart on the same device (the signed-in user's browser), merged twice at once.
        var guestId = await signedIn.CreateCartAsync();
        await signedIn.AddAsync(guestId, "SKU-5", 3);
        await signedIn.AddAsync(guestId, "SKU-6", 1);

        var merges = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            signedIn.SendAsync(HttpMethod.Post, "/carts/merge", new { guestCartId = guestId })));
        var statuses = merges.Select(merge => merge.StatusCode).Order().ToList();
        var conflict = merges.Single(merge => merge.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal("CONFLICT", (await conflict.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        foreach (var merge in merges)
        {
            merge.Dispose();
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], statuses);
        var (status, cart) = await signedIn.GetAsync("/me/cart");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(userCartId, cart.GetProperty("cartId").GetString());
        Assert.Equal(5, CartClient.QuantityOf(cart, "SKU-5"));
        Assert.Equal(1, CartClient.QuantityOf(cart, "SKU-6"));

        // The loser retrying after a fresh read changes nothing: the guest is already merged.
        using var retried = await signedIn.SendAsync(HttpMethod.Post, "/carts/merge", new { guestCartId = guestId });
        Assert.Equal(HttpStatusCode.Conflict, retried.StatusCode);
        Assert.Equal(5, CartClient.QuantityOf((await signedIn.GetAsync("/me/cart")).Body, "SKU-5"));
        Assert.Equal("MERGED", (await signedIn.GetAsync($"/carts/{guestId}")).Body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Attaching_a_guest_cart_makes_it_the_users_cart_on_any_device()
    {
        var userId = $"user-{Guid.NewGuid():N}";
        using var guest = CartClient.ThroughGateway(platform, userId);
        var cartId = await guest.CreateCartAsync();
        await guest.AddAsync(cartId, "SKU-7", 4);

        using var attached = await guest.SendAsync(HttpMethod.Post, "/carts/attach", new { cartId });

        Assert.Equal(HttpStatusCode.OK, attached.StatusCode);
        using var otherDevice = CartClient.ThroughGateway(platform, userId);
        var (status, cart) = await otherDevice.GetAsync("/me/cart");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(cartId, cart.GetProperty("cartId").GetString());
        Assert.Equal(HttpStatusCode.OK, (await otherDevice.GetAsync($"/carts/{cartId}")).Status);
        await using var storage = await CartStorage.ConnectAsync(platform);
        Assert.False((await storage.MetaAsync(cartId)).ContainsKey("ttl")); // signed-in carts never expire
    }
}
