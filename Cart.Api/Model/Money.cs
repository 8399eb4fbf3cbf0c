namespace Cart.Api.Model;

/// <summary>An amount in integer minor units of an ISO 4217 currency.</summary>
internal sealed record Money(long Amount, string Currency);
