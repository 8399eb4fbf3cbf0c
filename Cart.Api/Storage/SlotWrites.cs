using Cart.Api.Model;

using static DynamoDbStorage.AttributeValues;

namespace Cart.Api.Storage;

/// <summary>
/// The transaction items of slot bookings, without I/O: a booking is the capacity counter's increment under
/// <c>booked &lt; capacity</c> plus the cart's booking item under <c>attribute_not_exists</c>; a release undoes both.
/// </summary>
internal static class SlotWrites
{
    /// <summary>Books a place for <paramref name="booking"/>: [0] the counter (fails when full or absent), [1] the booking (fails when the cart has one).</summary>
    public static TransactWriteItem[] Book(string tableName, SlotBooking booking, string now) =>
    [
        new()
        {
            Update = new Update
            {
                TableName = tableName,
                Key = SlotItemMapper.SlotKey(booking.Slot),
                ConditionExpression = "attribute_exists(#pk) AND #booked < #capacity",
                UpdateExpression = "SET #booked = #booked + :one, #updatedAt = :now",
                ExpressionAttributeNames = new()
                {
                    ["#pk"] = CartAttributes.PartitionKey,
                    ["#booked"] = CartAttributes.Booked,
                    ["#capacity"] = CartAttributes.Capacity,
                    ["#updatedAt"] = CartAttributes.UpdatedAt,
                },
                ExpressionAttributeValues = new() { [":one"] = N(1), [":now"] = S(now) },
            },
        },
        new()
        {
            Put = new Put
            {
                TableName = tableName,
                Item = SlotItemMapper.ToItem(booking, now),
                ConditionExpression = "attribute_not_exists(#pk)",
                ExpressionAttributeNames = new() { ["#pk"] = CartAttributes.PartitionKey },
            },
        },
    ];

    /// <summary>
    /// Frees the cart's place: [0] the booking deleted (it must still exist, so a place is never freed twice; with
    /// <paramref name="expiredBy"/>, only an unpaid hold expired by then) and [1] the counter decremented.
    /// </summary>
    public static TransactWriteItem[] Release(string tableName, SlotId slot, string cartId, string now, long? expiredBy = null) =>
    [
        new()
        {
            Delete = expiredBy is { } seconds
                ? new Delete
                {
                    TableName = tableName,
                    Key = SlotItemMapper.BookingKey(slot, cartId),
                    ConditionExpression = "#status = :held AND #expiresAt <= :expiredBy",
                    ExpressionAttributeNames = new() { ["#status"] = CartAttributes.Status, ["#expiresAt"] = CartAttributes.ExpiresAt },
                    ExpressionAttributeValues = new() { [":held"] = S(SlotBooking.Held), [":expiredBy"] = N(seconds) },
                }
                : new Delete
                {
                    TableName = tableName,
                    Key = SlotItemMapper.BookingKey(slot, cartId),
                    ConditionExpression = "attribute_exists(#pk)",
                    ExpressionAttributeNames = new() { ["#pk"] = CartAttributes.PartitionKey },
                },
        },
        new()
        {
            Update = new Update
            {
                TableName = tableName,
                Key = SlotItemMapper.SlotKey(slot),
                ConditionExpression = "#booked > :zero",
                UpdateExpression = "SET #booked = #booked - :one, #updatedAt = :now",
                ExpressionAttributeNames = new() { ["#booked"] = CartAttributes.Booked, ["#updatedAt"] = CartAttributes.UpdatedAt },
                ExpressionAttributeValues = new() { [":one"] = N(1), [":zero"] = N(0), [":now"] = S(now) },
            },
        },
    ];

    /// <summary>Payment is starting: the hold becomes the cart's for good (it must still exist).</summary>
    public static TransactWriteItem Confirm(string tableName, SlotId slot, string cartId, string now) => new()
    {
        Update = new Update
        {
            TableName = tableName,
            Key = SlotItemMapper.BookingKey(slot, cartId),
            ConditionExpression = "attribute_exists(#pk)",
            UpdateExpression = "SET #status = :confirmed, #updatedAt = :now",
            ExpressionAttributeNames = new()
            {
                ["#pk"] = CartAttributes.PartitionKey,
                ["#status"] = CartAttributes.Status,
                ["#updatedAt"] = CartAttributes.UpdatedAt,
            },
            ExpressionAttributeValues = new() { [":confirmed"] = S(SlotBooking.Confirmed), [":now"] = S(now) },
        },
    };
}
