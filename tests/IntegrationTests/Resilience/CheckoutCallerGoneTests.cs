using IntegrationTests.Carts;
using IntegrationTests.Payments;
using Commands = HostingIntegrations.DynamoDBFaults.DynamoDBFaultInjectorBuilderExtensions.Commands;

namespace IntegrationTests.Resilience;

/// <summary>
/// A shopper who goes away mid-checkout (a closed tab, a dropped connection) does not stop it half way: once the cart
/// is CHECKING_OUT the checkout runs to its end, so the cart is paid and closed (or reopened), never left frozen with
/// the payment in flight and nothing to settle it but a retry that may never come.
/// </summary>
[Collection(FaultInjectionCollection.Name)]
public sealed class CheckoutCallerGoneTests(FaultInjectionFixture platform)
{
    private static readonly TimeSpan Latency = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_checkout_whose_caller_hangs_up_during_payment_still_pays_once_and_closes_the_cart()
    {
        using var alice = PaymentsDriver.ForNewUser(platform);
        var accountId = await alice.OpenFundedAccountAsync(1_000_000, currency: "USD");
        using var shopper = CartClient.ThroughGateway(platform, alice.UserId);
        var cartId = await shopper.CreateCartAsync();
        await shopper.AddAsync(cartId, "SKU-12", 1); // no slot, no tracked stock: nothing held that could expire
        await using var storage = await CartStorage.ConnectAsync(platform);

        // Every transaction waits 2 s before it reaches DynamoDB: the cart freezes at ~2 s, and Payments.Api's
        // transaction is then on its way for 2 s more, when the shopper hangs up.
        await using (await platform.InjectAsync(Commands.Slow, ("milliseconds", $"{Latency.TotalMilliseconds}"), ("operations", "TransactWriteItems")))
        {
            using var hangUp = new CancellationTokenSource();
            var checkout = shopper.SendAsync(HttpMethod.Post, $"/carts/{cartId}/checkout", new { accountId }, "checkout-hang-up", cancellationToken: hangUp.Token);
            await Eventually.ReturnsAsync(() => StatusAsync(storage, cartId), status => status == "CHECKING_OUT");
            await hangUp.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => checkout);
        }

        var settled = await SettledStatusAsync(storage, cartId);
        Assert.Equal("CHECKED_OUT", settled);
        var paid = long.Parse((await storage.MetaAsync(cartId))["paymentAmount"].N, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1_000_000 - paid, await alice.BalanceAsync(accountId));
    }

    private static async Task<string?> StatusAsync(CartStorage storage, string cartId) =>
        (await storage.MetaAsync(cartId)).TryGetValue("status", out var status) ? status.S : null;

    /// <summary>The cart's status once it leaves CHECKING_OUT, or CHECKING_OUT if it is still there after 20 s.</summary>
    private static async Task<string?> SettledStatusAsync(CartStorage storage, string cartId)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(20);
        string? status;
        while ((status = await StatusAsync(storage, cartId)) == "CHECKING_OUT" && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return status;
    }
}
