namespace Payments.Api.Domain;

/// <summary>A fraud signal about a user.</summary>
internal sealed record FraudEvent(string EventId, string UserId, string Type, string OccurredAt, string? Detail);

/// <summary>The kinds of fraud signal.</summary>
internal static class FraudEventTypes
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "CARD_SWIPE", "LOGIN_ATTEMPT", "GEO_CHANGE", "VELOCITY_ANOMALY",
    };
}
