using System.Net;
using ContractClients.Carts;
using ContractClients.Payments;
using CartProblemCode = ContractClients.Carts.ProblemCode;
using CartProblemException = ContractClients.Carts.ApiException<ContractClients.Carts.Problem>;
using PaymentsProblemCode = ContractClients.Payments.ProblemCode;
using PaymentsProblemException = ContractClients.Payments.ApiException<ContractClients.Payments.Problem>;

namespace IntegrationTests.Contract;

/// <summary>
/// The storefront as a consumer builds it: only the clients NSwag generates from the committed documents
/// (tests/ContractClients), through the gateway, against the whole system. If the documents stop describing what
/// the services do — a header, a status, a problem code, a member — these tests fail.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class StorefrontConsumerTests(PlatformFixture platform)
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_guest_cart_merged_at_sign_in_is_checked_out_once_and_the_payment_shows_in_the_account()
    {
        using var timeout = new CancellationTokenSource(Budget);
        var ct = timeout.Token;
        var userId = $"user-{Guid.NewGuid():N}";
        var token = platform.MintToken(userId);

        // The user's phone: signed in, a cart with one Navy M of SKU-12, made theirs.
        using var phone = StorefrontDevice.Open(platform.Gateway, token);
        var onPhone = new CartApiClient(phone);
        var phoneCart = await onPhone.CreateCartAsync(body: new CreateCartRequest { Currency = "USD" }, cancellationToken: ct);
        await onPhone.AddCartItemAsync(phoneCart.Result.CartId, Line("SKU-12", 1, ("size", "M"), ("color", "Navy")), cancellationToken: ct);
        var own = await onPhone.AttachCartAsync(new AttachCartRequest { CartId = phoneCart.Result.CartId }, cancellationToken: ct);

        // The laptop: a guest (the gateway's device cookie), two lines of SKU-12 that differ by their attributes.
        var laptopCookies = new CookieContainer();
        using var laptop = StorefrontDevice.Open(platform.Gateway, token: null, laptopCookies);
        var guest = new CartApiClient(laptop);
        var created = await guest.CreateCartAsync(body: new CreateCartRequest { Currency = "USD" }, cancellationToken: ct);
        var guestCartId = created.Result.CartId;
        var first = await guest.AddCartItemAsync(guestCartId, Line("SKU-12", 2, ("size", "M"), ("color", "Navy")), idempotency_Key: NewKey(), cancellationToken: ct);
        var guestCart = await guest.AddCartItemAsync(
            guestCartId, Line("SKU-12", 1, ("size", "L"), ("color", "Navy")), if_Match: first.Headers["ETag"].Single(), idempotency_Key: NewKey(), cancellationToken: ct);

        Assert.Equal(201, created.StatusCode);
        Assert.Contains(created.Headers, header => header.Key == "Location");
        Assert.Equal(2, guestCart.Result.Items.Count);

        // Signing in on the laptop: the same device cookie, now with the user's token; the guest cart merges into theirs.
        using var signedIn = StorefrontDevice.Open(platform.Gateway, token, laptopCookies);
        var shopper = new CartApiClient(signedIn);
        var merged = await shopper.MergeCartAsync(new MergeCartRequest { GuestCartId = guestCartId }, idempotency_Key: NewKey(), cancellationToken: ct);

        Assert.Equal(own.Result.CartId, merged.Result.CartId);
        Assert.Equal(3, merged.Result.Items.Single(item => item.Attrs["size"] == "M").Qty);
        Assert.Equal(1, merged.Result.Items.Single(item => item.Attrs["size"] == "L").Qty);
        Assert.Equal(merged.Result.CartId, (await shopper.GetMyCartAsync(ct)).Result.CartId);

        // A payment account, opened and funded through the payments client.
        var payments = new PaymentsApiClient(signedIn);
        var account = await payments.CreateAccountAsync(new CreateAccountRequest { Currency = "USD" }, cancellationToken: ct);
        var accountId = account.Result.AccountId;
        await payments.DepositAsync(accountId, NewKey(), new DepositRequest { Amount = 1_000_000, Currency = "USD" }, ct);

        // Checkout, retried with the same key: the retry replays the first answer.
        var key = NewKey();
        var etag = (await shopper.GetCartAsync(merged.Result.CartId, ct)).Headers["ETag"].Single();
        var checkout = await shopper.CheckoutCartAsync(merged.Result.CartId, new CheckoutRequest { AccountId = accountId }, etag, key, ct);
        var replayed = await shopper.CheckoutCartAsync(merged.Result.CartId, new CheckoutRequest { AccountId = accountId }, etag, key, ct);

        Assert.Equal(200, checkout.StatusCode);
        Assert.Equal("CHECKED_OUT", checkout.Result.Status);
        Assert.False(checkout.Headers.ContainsKey("Idempotent-Replayed"));
        Assert.Equal("true", replayed.Headers["Idempotent-Replayed"].Single());
        Assert.Equal(checkout.Result.Payment.TxnId, replayed.Result.Payment.TxnId);

        // The payment, once, in the account's transactions.
        var statement = await payments.GetStatementAsync(accountId, cancellationToken: ct);
        var paid = Assert.Single(statement.Result.Items, txn => txn.Kind == "PAYMENT");
        var balance = (await payments.GetAccountAsync(accountId, ct)).Result.Balance;

        Assert.Equal(checkout.Result.Payment.TxnId, paid.TxnId);
        Assert.Equal(checkout.Result.Totals.Total, paid.Amount);
        Assert.Equal("DEBIT", paid.Direction);
        Assert.Equal(1_000_000 - paid.Amount, balance);
    }

    [Fact]
    public async Task A_checkout_the_balance_cannot_cover_is_the_typed_insufficient_funds_problem()
    {
        using var timeout = new CancellationTokenSource(Budget);
        var ct = timeout.Token;
        using var signedIn = StorefrontDevice.Open(platform.Gateway, platform.MintToken($"user-{Guid.NewGuid():N}"));
        var shopper = new CartApiClient(signedIn);
        var payments = new PaymentsApiClient(signedIn);
        var accountId = (await payments.CreateAccountAsync(new CreateAccountRequest { Currency = "USD" }, cancellationToken: ct)).Result.AccountId;
        await payments.DepositAsync(accountId, NewKey(), new DepositRequest { Amount = 1, Currency = "USD" }, ct);
        var cartId = (await shopper.CreateCartAsync(body: new CreateCartRequest { Currency = "USD" }, cancellationToken: ct)).Result.CartId;
        await shopper.AddCartItemAsync(cartId, Line("SKU-16", 1, ("color", "Red")), cancellationToken: ct);

        var declined = await Assert.ThrowsAsync<CartProblemException>(() =>
            shopper.CheckoutCartAsync(cartId, new CheckoutRequest { AccountId = accountId }, idempotency_Key: NewKey(), cancellationToken: ct));
        var direct = await Assert.ThrowsAsync<PaymentsProblemException>(() =>
            payments.CreatePaymentAsync(NewKey(), new PaymentRequest { AccountId = accountId, Amount = 2, Currency = "USD", MerchantId = "cart-store" }, ct));

        Assert.Equal(422, declined.StatusCode);
        Assert.Equal(CartProblemCode.INSUFFICIENT_FUNDS, declined.Result.Code);
        Assert.Equal(422, direct.StatusCode);
        Assert.Equal(PaymentsProblemCode.INSUFFICIENT_FUNDS, direct.Result.Code);
        Assert.Equal("OPEN", (await shopper.GetCartAsync(cartId, ct)).Result.Status);
    }

    private static AddItemRequest Line(string sku, int qty, params (string Key, string Value)[] attrs) =>
        new() { Sku = sku, Qty = qty, Attrs = attrs.ToDictionary(attr => attr.Key, attr => attr.Value) };

    private static string NewKey() => Guid.NewGuid().ToString();
}
