using Cart.Api.Checkout;
using Cart.Api.Contracts;
using UpdateItemRequest = Cart.Api.Contracts.UpdateItemRequest;
using Cart.Api.Model;

namespace Cart.Api.Apis;

/// <summary>
/// The examples the cart document shows, built from the contract's records (DESIGN §4's payloads): a cart with two
/// of <c>SKU-12</c> in size M, Navy, checked out with a payment account.
/// </summary>
internal static class CartExamples
{
    private const string CartId = "3f2b8c1d9e7a4b6c8d0e1f2a3b4c5d6e";
    private const string GuestCartId = "9a8b7c6d5e4f40312a1b2c3d4e5f6a7b";
    private const string AccountId = "5d41402abc4b2a76b9719d911017c592";
    private const string At = "2026-01-15T10:20:00.000Z";
    private static readonly Dictionary<string, string> Attrs = new(StringComparer.Ordinal) { ["size"] = "M", ["color"] = "Navy" };
    private static readonly CartTotals Totals = new(Subtotal: 1_088, Discount: 0, Total: 1_088, Currency: "USD");

    public static readonly CreateCartRequest CreateCart = new("USD");

    public static readonly CreateCartResponse Created = new(CartId);

    public static readonly AddItemRequest AddItem = new(
        "SKU-12", 2, Attrs.ToDictionary(attr => attr.Key, string? (attr) => attr.Value, StringComparer.Ordinal), new MoneyRequest(544, "USD"), Source: "pdp");

    public static readonly UpdateItemRequest UpdateItem = new(3, ["SAVE10"]);

    public static readonly MergeCartRequest Merge = new(GuestCartId);

    public static readonly AttachCartRequest Attach = new(GuestCartId);

    public static readonly CartDocument Cart = new(
        CartId,
        "USD",
        CartStatus.Open,
        [new CartItemDocument(ItemId.From("SKU-12", LineKey.Canonicalize(Attrs)), "SKU-12", 2, Attrs, new Money(544, "USD"), "pdp", [], At)],
        [],
        Totals,
        At,
        Version: 2);

    public static readonly CheckoutRequest Checkout = new(AccountId);

    public static readonly CheckoutResponse CheckedOut = new(
        CartId, CartStatus.CheckedOut, Version: 3, Totals, new CheckoutPaymentDocument("0f8fad5bd9cb469fa16570867728950e", "CAPTURED", AccountId, 1_088, "USD"));

    public static readonly ApiError Declined = CheckoutErrors.PaymentDeclined("The account balance does not cover this payment.");
}
