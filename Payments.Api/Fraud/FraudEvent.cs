using static DynamoDbStorage.AttributeValues;

namespace Payments.Api.Fraud;

/// <summary>A fraud signal about a user (<c>USER#&lt;userId&gt;</c> or a shard of it / <c>FRAUD#&lt;ts&gt;#&lt;eventId&gt;</c>).</summary>
internal sealed record FraudEvent(string EventId, string UserId, string Type, string OccurredAt, string? Detail)
{
    public const string EntityName = "FraudEvent";

    public Dictionary<string, AttributeValue> ToItem(string partitionKey)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [PaymentAttributes.PartitionKey] = S(partitionKey),
            [PaymentAttributes.SortKey] = S(PaymentKeys.FraudSk(OccurredAt, EventId)),
            [PaymentAttributes.Entity] = S(EntityName),
            [PaymentAttributes.EventId] = S(EventId),
            [PaymentAttributes.UserId] = S(UserId),
            [PaymentAttributes.EventType] = S(Type),
            [PaymentAttributes.OccurredAt] = S(OccurredAt),
        };
        if (Detail is not null)
        {
            item[PaymentAttributes.Detail] = S(Detail);
        }

        return item;
    }

    public static FraudEvent FromItem(IReadOnlyDictionary<string, AttributeValue> item) => new(
        item.GetString(PaymentAttributes.EventId),
        item.GetString(PaymentAttributes.UserId),
        item.GetString(PaymentAttributes.EventType),
        item.GetString(PaymentAttributes.OccurredAt),
        item.GetStringOrNull(PaymentAttributes.Detail));
}

/// <summary>The kinds of fraud signal.</summary>
internal static class FraudEventTypes
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "CARD_SWIPE", "LOGIN_ATTEMPT", "GEO_CHANGE", "VELOCITY_ANOMALY",
    };
}

/// <summary>Body of <c>POST /users/me/fraud-events</c>.</summary>
internal sealed record FraudEventRequest(string? Type, string? Detail);

/// <summary>A fraud event as clients see it.</summary>
internal sealed record FraudEventResponse(string EventId, string Type, string OccurredAt, string? Detail)
{
    public static FraudEventResponse From(FraudEvent e) => new(e.EventId, e.Type, e.OccurredAt, e.Detail);
}

/// <summary>Fraud events, newest first.</summary>
internal sealed record FraudEventList(IReadOnlyList<FraudEventResponse> Items);
