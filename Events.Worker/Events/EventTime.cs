using DynamoDbStreams.Client;

namespace Events.Worker.Events;

/// <summary>
/// When a change happened, to the millisecond (DESIGN §6): the timestamp the item itself carries, since the stream's
/// <c>ApproximateCreationDateTime</c> is coarse (DynamoDB Local cuts it to the minute). The stream's time stands in
/// only for a change that set none of the item's timestamps — a deletion, or an item that carries none.
/// </summary>
internal static class EventTime
{
    // Most specific first: a modified item's updatedAt, a new entry's createdAt, a fraud event's occurredAt.
    private static readonly string[] TimestampAttributes = [ItemAttributes.UpdatedAt, ItemAttributes.CreatedAt, ItemAttributes.OccurredAt];

    public static string Of(StreamRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        foreach (var attribute in TimestampAttributes)
        {
            // A timestamp the change left as it was belongs to an earlier change.
            if (DynamoJson.String(record.NewImage, attribute) is { } value
                && value != DynamoJson.String(record.OldImage, attribute)
                && TryParse(value) is { } at)
            {
                return at.ToUtcTimestamp();
            }
        }

        return record.ApproximateCreationTime.ToUtcTimestamp();
    }

    private static DateTimeOffset? TryParse(string value) =>
        DateTimeOffset.TryParseExact(value, UtcTimestamp.Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;
}
