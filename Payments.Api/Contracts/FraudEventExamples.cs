namespace Payments.Api.Contracts;

/// <summary>The fraud event examples the payments document shows, built from the contract's records.</summary>
internal static class FraudEventExamples
{
    public static readonly FraudEventRequest Record = new("LOGIN_ATTEMPT", "Failed sign-in from a new device");

    public static readonly FraudEventResponse Recorded = new(
        "6fa459ea2ee54a8a9c4b2d1e0f3a5b7c", "LOGIN_ATTEMPT", "2026-01-21T22:14:03.512Z", "Failed sign-in from a new device");

    public static readonly FraudEventList Latest = new(
        [Recorded, new FraudEventResponse("1b4e28ba2fa111d2883f0016d3cca427", "GEO_CHANGE", "2026-01-21T22:10:47.090Z", Detail: null)]);
}
