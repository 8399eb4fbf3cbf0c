namespace Events.Worker.Events;

/// <summary>The CloudEvents <c>source</c> and <c>type</c> values the worker emits.</summary>
public static class EventTypes
{
    public const string CartsSource = "/carts";
    public const string PaymentsSource = "/payments";

    public const string CartCreated = "cart.created";
    public const string CartUpdated = "cart.updated";
    public const string CartMerged = "cart.merged";
    public const string CartCheckedOut = "cart.checked_out";
    public const string CartDeleted = "cart.deleted";
    public const string CartExpired = "cart.expired";

    public const string StockReserved = "stock.reserved";
    public const string StockReleased = "stock.released";
    public const string SlotBooked = "slot.booked";
    public const string SlotReleased = "slot.released";

    public const string AccountOpened = "account.opened";
    public const string AccountClosed = "account.closed";
    public const string DepositReceived = "account.deposit_received";
    public const string PaymentCaptured = "payment.captured";
    public const string PaymentDeclined = "payment.declined";
    public const string PaymentRefunded = "payment.refunded";
    public const string FraudRecorded = "fraud.recorded";
    public const string BeneficiaryAdded = "beneficiary.added";
    public const string BeneficiaryUpdated = "beneficiary.updated";
    public const string BeneficiaryRemoved = "beneficiary.removed";

    /// <summary>The ledger's audit event types (the <c>eventType</c> of <c>AUDIT#</c> items) and their CloudEvents types.</summary>
    public static IReadOnlyDictionary<string, string> FromAuditEventType { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ACCOUNT_OPENED"] = AccountOpened,
        ["ACCOUNT_CLOSED"] = AccountClosed,
        ["DEPOSIT_RECEIVED"] = DepositReceived,
        ["PAYMENT_CAPTURED"] = PaymentCaptured,
        ["PAYMENT_DECLINED"] = PaymentDeclined,
        ["REFUND_ISSUED"] = PaymentRefunded,
    };
}
