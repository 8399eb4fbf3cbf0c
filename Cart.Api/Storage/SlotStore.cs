using Cart.Api.Model;

using static DynamoDbStorage.AttributeValues;

namespace Cart.Api.Storage;

/// <summary>Reads a day's slots and bookings (one Query of its partition) and sets slots up.</summary>
internal sealed class SlotStore(IAmazonDynamoDB dynamoDb, IOptions<DynamoDbOptions> options)
{
    public string TableName => options.Value.TableName(CartTable.LogicalName);

    /// <summary>The day's slots in time order, each with its places left: expired holds are filtered out here, since nothing deletes them.</summary>
    public async Task<IReadOnlyList<SlotAvailability>> DayAsync(DateOnly date, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var slots = new List<DeliverySlot>();
        var bookings = new List<SlotBooking>();
        var items = await dynamoDb.QueryAllAsync(new QueryRequest
        {
            TableName = TableName,
            ConsistentRead = true,
            KeyConditionExpression = "#pk = :pk",
            ExpressionAttributeNames = new() { ["#pk"] = CartAttributes.PartitionKey },
            ExpressionAttributeValues = new() { [":pk"] = S(SlotKeys.DayPk(date)) },
        }, cancellationToken);
        foreach (var item in items)
        {
            var sk = item.GetString(CartAttributes.SortKey);
            if (SlotKeys.IsSlotSk(sk))
            {
                slots.Add(SlotItemMapper.ToSlot(item));
            }
            else if (SlotKeys.IsBookingSk(sk))
            {
                bookings.Add(SlotItemMapper.ToBooking(item));
            }
        }

        var expired = bookings.Where(booking => booking.IsExpiredAt(now)).CountBy(booking => booking.Slot).ToDictionary();
        return [.. slots
            .OrderBy(slot => slot.StartsAt, StringComparer.Ordinal)
            .Select(slot => new SlotAvailability(slot, Math.Clamp(slot.Capacity - slot.Booked + expired.GetValueOrDefault(slot.Id), 0, slot.Capacity)))];
    }

    public async Task<DeliverySlot?> FindAsync(SlotId slot, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = TableName,
            Key = SlotItemMapper.SlotKey(slot),
            ConsistentRead = true,
        }, cancellationToken);
        return response.Item is { Count: > 0 } item ? SlotItemMapper.ToSlot(item) : null;
    }

    /// <summary>The slot's unpaid holds that expired by <paramref name="now"/> (their places can be reclaimed).</summary>
    public async Task<IReadOnlyList<SlotBooking>> ExpiredHoldsAsync(SlotId slot, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.QueryAsync(new QueryRequest
        {
            TableName = TableName,
            ConsistentRead = true,
            KeyConditionExpression = "#pk = :pk AND begins_with(#sk, :bookings)",
            FilterExpression = "#status = :held AND #expiresAt <= :now",
            ExpressionAttributeNames = new()
            {
                ["#pk"] = CartAttributes.PartitionKey,
                ["#sk"] = CartAttributes.SortKey,
                ["#status"] = CartAttributes.Status,
                ["#expiresAt"] = CartAttributes.ExpiresAt,
            },
            ExpressionAttributeValues = new()
            {
                [":pk"] = S(SlotKeys.DayPk(slot.Date)),
                [":bookings"] = S(SlotKeys.BookingsOf(slot)),
                [":held"] = S(SlotBooking.Held),
                [":now"] = N(now.ToUnixTimeSeconds()),
            },
        }, cancellationToken);
        return [.. (response.Items ?? []).Select(SlotItemMapper.ToBooking)];
    }

    /// <summary>Creates the slots that do not exist yet (existing ones keep their bookings), a few writes in flight.</summary>
    public Task SeedAsync(IEnumerable<DeliverySlot> seed, string now, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(seed, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (slot, token) =>
        {
            try
            {
                await dynamoDb.PutItemAsync(new PutItemRequest
                {
                    TableName = TableName,
                    Item = SlotItemMapper.ToItem(slot, now),
                    ConditionExpression = "attribute_not_exists(#pk)",
                    ExpressionAttributeNames = new() { ["#pk"] = CartAttributes.PartitionKey },
                }, token);
            }
            catch (ConditionalCheckFailedException)
            {
                // Seeded on an earlier start: its counter and bookings stay as they are.
            }
        });

    /// <summary>Creates the slot, or changes its capacity keeping its bookings (development administration).</summary>
    public async Task<DeliverySlot> SetAsync(SlotId slot, TimeSpan window, int capacity, string now, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.UpdateItemAsync(new Amazon.DynamoDBv2.Model.UpdateItemRequest
        {
            TableName = TableName,
            Key = SlotItemMapper.SlotKey(slot),
            UpdateExpression = "SET #slotId = :slotId, #startsAt = :startsAt, #endsAt = :endsAt, #capacity = :capacity, #booked = if_not_exists(#booked, :zero), #updatedAt = :now",
            ExpressionAttributeNames = new()
            {
                ["#slotId"] = CartAttributes.SlotId,
                ["#startsAt"] = CartAttributes.StartsAt,
                ["#endsAt"] = CartAttributes.EndsAt,
                ["#capacity"] = CartAttributes.Capacity,
                ["#booked"] = CartAttributes.Booked,
                ["#updatedAt"] = CartAttributes.UpdatedAt,
            },
            ExpressionAttributeValues = new()
            {
                [":slotId"] = S(slot.ToString()),
                [":startsAt"] = S(slot.StartsAt.ToUtcTimestamp()),
                [":endsAt"] = S((slot.StartsAt + window).ToUtcTimestamp()),
                [":capacity"] = N(capacity),
                [":zero"] = N(0),
                [":now"] = S(now),
            },
            ReturnValues = ReturnValue.ALL_NEW,
        }, cancellationToken);
        return SlotItemMapper.ToSlot(response.Attributes);
    }
}
