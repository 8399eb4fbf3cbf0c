namespace Payments.Api.Contracts;

/// <summary>Where a created resource is read: the <c>Location</c> of a 201 (and of its replay under the same key).</summary>
internal static class ResourceLocations
{
    public static string Account(string accountId) => $"/accounts/{accountId}";

    public static string Transaction(string txnId) => $"/transactions/{txnId}";

    public static string Beneficiary(string beneficiaryId) => $"/users/me/beneficiaries/{beneficiaryId}";

    public static string FraudEvent(string eventId) => $"/users/me/fraud-events/{eventId}";
}
