using Cart.Api.Storage;

namespace Cart.Api.Checkout;

/// <summary>The problems a checkout answers beside the cart's own (DESIGN §3 codes, plus the commerce ones of §11).</summary>
internal static class CheckoutErrors
{
    public const string SlotFull = "SLOT_FULL";
    public const string OutOfStock = "OUT_OF_STOCK";
    public const string CheckoutExpired = "CHECKOUT_EXPIRED";

    /// <summary>Payments.Api declined the checkout's payment (the account's balance does not cover the total); the cart is open again.</summary>
    public static ApiError PaymentDeclined(string detail) =>
        new(StatusCodes.Status422UnprocessableEntity, PaymentsClient.InsufficientFunds, "Payment declined", detail);

    public static ApiError NoSuchSlot() => Field("slotId", "No such delivery slot.");

    public static ApiError SlotStarted() => Field("slotId", "The delivery slot has already started.");

    public static ApiError Full() => new(StatusCodes.Status409Conflict, SlotFull, "Conflict", "The delivery slot is fully booked; choose another.");

    public static ApiError Short(IEnumerable<string> skus) => new(
        StatusCodes.Status409Conflict, OutOfStock, "Conflict", "Not enough stock for: " + string.Join(", ", skus));

    public static ApiError Expired() => new(
        StatusCodes.Status409Conflict,
        CheckoutExpired,
        "Conflict",
        "The checkout's hold expired before payment started; its stock and delivery slot were released and the cart is open again. Check out again.");

    /// <summary>Another user's checkout froze this cart and is paying for it: only their retry can settle it.</summary>
    public static ApiError PaidByAnother() => ApiError.Conflict(
        "Another signed-in user is checking this cart out and paying for it; only their checkout can complete it.");

    public static ApiError TooLarge(int items) => Field(
        "items",
        $"This checkout would write {items} items in one transaction; DynamoDB allows {HoldWrites.TransactionItemLimit}. Check out fewer stocked products at once.");

    private static ApiError Field(string field, string message) =>
        ApiError.Validation(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });
}
