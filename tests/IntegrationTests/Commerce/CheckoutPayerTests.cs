using System.Globalization;
using System.Net;
using IntegrationTests.Carts;
using IntegrationTests.Payments;
using Commands = HostingIntegrations.DynamoDBFaults.DynamoDBFaultInjectorBuilderExtensions.Commands;

namespace IntegrationTests.Commerce;

/// <summary>
/// A guest cart is visible to everyone on its device, and Payments.Api scopes a payment's Idempotency-Key to its
/// caller. So while one signed-in user's checkout is paying for the cart, another user's checkout on the same device
/// must not carry it on: Payments.Api refuses them the first user's account, and reopening the cart on that refusal
/// would leave the first user's payment, perhaps taken, behind an open cart that can be checked out and paid again.
/// </summary>
[Collection(CacheRaceCollection.Name)]
public sealed class CheckoutPayerTests(CacheRacePlatformFixture platform)
{
    [Fact]
    public async Task A_checkout_another_user_is_paying_for_is_left_to_them_and_the_cart_is_paid_once()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        using var bob = PaymentsDriver.ForNewUser(platform);
        var alicesAccount = await alice.OpenFundedAccountAsync(1_000_000, currency: "USD");
        var bobsAccount = await bob.OpenFundedAccountAsync(1_000_000, currency: "USD");
        using var device = new CartClient(platform.CartApiReplicas[0]);
        var cartId = await device.CreateCartAsync();
        await device.AddAsync(cartId, "SKU-12", 1); // no slot, no tracked stock: nothing held that could expire
        using var aliceOnOneReplica = new CartClient(platform.CartApiReplicas[0], device.DeviceId, platform.MintToken(alice.UserId));
        using var bobOnTheOther = new CartClient(platform.CartApiReplicas[1], device.DeviceId, platform.MintToken(bob.UserId));
        await using var storage = await CartStorage.ConnectAsync(platform);

        // Every transaction waits 2 s before it reaches DynamoDB: Alice's checkout freezes the cart at ~2 s, and her
        // payment is then on its way for 2 s more, when Bob checks the same cart out through the other replica.
        Task<HttpResponseMessage> alicesCheckout;
        HttpResponseMessage bobsCheckout;
        await using (await platform.InjectAsync(Commands.Slow, ("milliseconds", "2000"), ("operations", "TransactWriteItems")))
        {
            alicesCheckout = aliceOnOneReplica.SendAsync(HttpMethod.Post, $"/carts/{cartId}/checkout", new { accountId = alicesAccount }, "alice-checkout");
            await Eventually.ReturnsAsync(() => StatusAsync(storage, cartId), status => status == "CHECKING_OUT");
            bobsCheckout = await bobOnTheOther.SendAsync(HttpMethod.Post, $"/carts/{cartId}/checkout", new { accountId = bobsAccount }, "bob-checkout");
        }

        using var alicesAnswer = await alicesCheckout;
        Assert.True(bobsCheckout.StatusCode == HttpStatusCode.Conflict, $"Bob's checkout answered {(int)bobsCheckout.StatusCode}: {await bobsCheckout.Content.ReadAsStringAsync()}");
        Assert.True(alicesAnswer.IsSuccessStatusCode, $"Alice's checkout answered {(int)alicesAnswer.StatusCode}: {await alicesAnswer.Content.ReadAsStringAsync()}");
        var meta = await storage.MetaAsync(cartId);
        Assert.Equal("CHECKED_OUT", meta["status"].S);
        Assert.Equal(alice.UserId, meta["paymentPayerId"].S);
        var paid = long.Parse(meta["paymentAmount"].N, CultureInfo.InvariantCulture);
        Assert.Equal(1_000_000 - paid, await alice.BalanceAsync(alicesAccount));
        Assert.Equal(1_000_000, await bob.BalanceAsync(bobsAccount));
        bobsCheckout.Dispose();
    }

    private static async Task<string?> StatusAsync(CartStorage storage, string cartId) =>
        (await storage.MetaAsync(cartId)).TryGetValue("status", out var status) ? status.S : null;
}
