namespace Cart.Api.Model;

/// <summary>An amount in integer minor units of an ISO 4217 currency.</summary>
internal sealed record Money(long Amount, string Currency)
{
    /// <summary>The currency of a cart created without one, and of the development catalog.</summary>
    public const string DefaultCurrency = "USD";
}
