using static DynamoDbStorage.AttributeValues;

namespace Payments.Api.Storage;

/// <summary>Maps fraud events to and from their <c>USER#&lt;userId&gt;</c> (or a shard of it) / <c>FRAUD#&lt;ts&gt;#&lt;eventId&gt;</c> item.</summary>
internal static class FraudEventItemMapper
{
    public const string EntityName = "FraudEvent";

    public static Dictionary<string, AttributeValue> ToItem(FraudEvent fraudEvent, string partitionKey)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [PaymentAttributes.PartitionKey] = S(partitionKey),
            [PaymentAttributes.SortKey] = S(PaymentKeys.FraudSk(fraudEvent.OccurredAt, fraudEvent.EventId)),
            [PaymentAttributes.Entity] = S(EntityName),
            [PaymentAttributes.EventId] = S(fraudEvent.EventId),
            [PaymentAttributes.UserId] = S(fraudEvent.UserId),
            [PaymentAttributes.EventType] = S(fraudEvent.Type),
            [PaymentAttributes.OccurredAt] = S(fraudEvent.OccurredAt),
        };
        if (fraudEvent.Detail is not null)
        {
            item[PaymentAttributes.Detail] = S(fraudEvent.Detail);
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
