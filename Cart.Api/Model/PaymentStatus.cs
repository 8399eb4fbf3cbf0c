namespace Cart.Api.Model;

/// <summary>The states of a checkout's payment before Payments.Api answers (then its own status: CAPTURED, …).</summary>
internal static class PaymentStatus
{
    /// <summary>The cart is frozen with its hold; payment has not started, so the hold may still expire.</summary>
    public const string Pending = "PENDING";

    /// <summary>Payment has started (it may have been taken): the hold is kept until Payments.Api's answer settles it.</summary>
    public const string Paying = "PAYING";
}
