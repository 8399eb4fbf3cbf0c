using System.Text.Json;
using System.Text.Json.Nodes;
using DynamoDbStreams.Client;

namespace Events.Worker.Events;

/// <summary>
/// Stream record → CloudEvent, pure. The event id is the stream record's eventID, so a redelivered record
/// yields the same event (consumers deduplicate on it). Carts: the cart's META item gives created / merged /
/// checked_out / updated / deleted, line and discount items roll up to <c>cart.updated</c>. Payments: the ledger's
/// append-only <c>AUDIT#</c> entries are the domain events (they are written in the same transaction as the state
/// they describe, and a declined payment has one but no transaction row); fraud and beneficiary items map directly.
/// Commerce items of the carts table (DESIGN §11): a stock shard's change names itself (<c>lastChange</c>), so a
/// checkout's decrement is <c>stock.reserved</c> and its return <c>stock.released</c> (an administrative set is
/// neither); a delivery slot booking's insert is <c>slot.booked</c> and its removal <c>slot.released</c>.
/// Idempotency records, pointer items and state rows (account METADATA, TXN) produce no event.
/// </summary>
public static class EventMapper
{
    public const string CartsTable = TableNames.Carts;
    public const string PaymentsTable = TableNames.Payments;

    /// <summary>The principal of deletions made by DynamoDB's TTL sweeper.</summary>
    private const string TimeToLivePrincipal = "dynamodb.amazonaws.com";

    private static readonly string[] StorageAttributes = [KeyAttributes.PartitionKey, KeyAttributes.SortKey];

    public static MappedChange Map(string logicalTable, StreamRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var pk = DynamoJson.String(record.Keys, KeyAttributes.PartitionKey) ?? string.Empty;
        var sk = DynamoJson.String(record.Keys, KeyAttributes.SortKey) ?? string.Empty;
        return logicalTable switch
        {
            CartsTable => MapCart(record, pk, sk),
            PaymentsTable => MapPayment(record, pk, sk),
            _ => MappedChange.None,
        };
    }

    private static MappedChange MapCart(StreamRecord record, string pk, string sk)
    {
        if (pk.StartsWith(CartsTableKeys.StockPrefix, StringComparison.Ordinal))
        {
            return MapStock(record);
        }

        if (pk.StartsWith(CartsTableKeys.SlotDayPrefix, StringComparison.Ordinal) && sk.StartsWith(CartsTableKeys.BookingPrefix, StringComparison.Ordinal))
        {
            return MapBooking(record);
        }

        if (!pk.StartsWith(CartsTableKeys.CartPrefix, StringComparison.Ordinal))
        {
            return MappedChange.None; // USER#/DEVICE# → ACTIVE_CART pointers, catalog items
        }

        var cartId = pk[CartsTableKeys.CartPrefix.Length..];
        if (sk == CartsTableKeys.Meta)
        {
            var type = record.EventName switch
            {
                "INSERT" => EventTypes.CartCreated,
                "REMOVE" when record.UserIdentityPrincipal == TimeToLivePrincipal => EventTypes.CartExpired,
                "REMOVE" => EventTypes.CartDeleted,
                _ => StatusTransition(record) switch
                {
                    CartStatuses.Merged => EventTypes.CartMerged,
                    CartStatuses.CheckedOut => EventTypes.CartCheckedOut,
                    _ => EventTypes.CartUpdated,
                },
            };
            var version = long.TryParse(DynamoJson.Number(record.NewImage ?? record.OldImage, ItemAttributes.Version), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0;
            return new MappedChange(Create(record, EventTypes.CartsSource, type, cartId, "cartId"), new CartVersion(cartId, version));
        }

        if (sk.StartsWith(CartsTableKeys.ItemPrefix, StringComparison.Ordinal))
        {
            var data = Data(record, "cartId", cartId);
            data["line"] = sk[CartsTableKeys.ItemPrefix.Length..];
            return new MappedChange(new CloudEvent(record.EventId, EventTypes.CartsSource, EventTypes.CartUpdated, cartId, EventTime.Of(record), data), null);
        }

        return MappedChange.None; // IDEM#… idempotency records
    }

    private static MappedChange MapStock(StreamRecord record)
    {
        var type = DynamoJson.String(record.NewImage, ItemAttributes.LastChange) switch
        {
            StockChanges.Reserved => EventTypes.StockReserved,
            StockChanges.Released => EventTypes.StockReleased,
            _ => null, // an administrative set, or a removed shard
        };
        return type is not null && record.EventName == "MODIFY" && DynamoJson.String(record.NewImage, ItemAttributes.Sku) is { } sku
            ? new MappedChange(Create(record, EventTypes.CartsSource, type, sku, "sku"), null)
            : MappedChange.None;
    }

    private static MappedChange MapBooking(StreamRecord record)
    {
        var type = record.EventName switch
        {
            "INSERT" => EventTypes.SlotBooked,
            "REMOVE" => EventTypes.SlotReleased,
            _ => null, // a hold confirmed when payment starts: still the same booking
        };
        return type is not null && DynamoJson.String(record.NewImage ?? record.OldImage, ItemAttributes.SlotId) is { } slotId
            ? new MappedChange(Create(record, EventTypes.CartsSource, type, slotId, "slotId"), null)
            : MappedChange.None;
    }

    private static MappedChange MapPayment(StreamRecord record, string pk, string sk)
    {
        if (pk.StartsWith(PaymentsTableKeys.AccountPrefix, StringComparison.Ordinal) && sk.StartsWith(PaymentsTableKeys.AuditPrefix, StringComparison.Ordinal))
        {
            var eventType = DynamoJson.String(record.NewImage, ItemAttributes.EventType);
            if (record.EventName != "INSERT" || eventType is null)
            {
                return MappedChange.None; // audit entries are append-only; anything else is not a domain fact
            }

            var type = EventTypes.FromAuditEventType.TryGetValue(eventType, out var known)
                ? known
                : "audit." + eventType.ToLowerInvariant();
            return new MappedChange(Create(record, EventTypes.PaymentsSource, type, pk[PaymentsTableKeys.AccountPrefix.Length..], "accountId"), null);
        }

        if (pk.StartsWith(PaymentsTableKeys.UserPrefix, StringComparison.Ordinal))
        {
            var userId = pk[PaymentsTableKeys.UserPrefix.Length..];
            if (sk.StartsWith(PaymentsTableKeys.FraudPrefix, StringComparison.Ordinal) && record.EventName == "INSERT")
            {
                // A hot user's events are written to USER#<id>#SHARD#<n>: the user is the item's, not the partition's.
                var owner = DynamoJson.String(record.NewImage, ItemAttributes.UserId) ?? userId;
                return new MappedChange(Create(record, EventTypes.PaymentsSource, EventTypes.FraudRecorded, owner, "userId"), null);
            }

            if (sk.StartsWith(PaymentsTableKeys.BeneficiaryPrefix, StringComparison.Ordinal))
            {
                var type = record.EventName switch
                {
                    "INSERT" => EventTypes.BeneficiaryAdded,
                    "REMOVE" => EventTypes.BeneficiaryRemoved,
                    _ => EventTypes.BeneficiaryUpdated,
                };
                return new MappedChange(Create(record, EventTypes.PaymentsSource, type, userId, "userId"), null);
            }
        }

        return MappedChange.None; // IDEMPOTENCY#…, account METADATA and TXN rows (their AUDIT entry is the event)
    }

    /// <summary>Whether the payments change belongs in the audit archive: every change but idempotency bookkeeping.</summary>
    public static bool IsAudited(string logicalTable, StreamRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return logicalTable == PaymentsTable
            && !(DynamoJson.String(record.Keys, KeyAttributes.PartitionKey) ?? string.Empty).StartsWith(PaymentsTableKeys.IdempotencyPrefix, StringComparison.Ordinal);
    }

    private static string? StatusTransition(StreamRecord record)
    {
        var before = DynamoJson.String(record.OldImage, ItemAttributes.Status);
        var after = DynamoJson.String(record.NewImage, ItemAttributes.Status);
        return before == after ? null : after;
    }

    private static CloudEvent Create(StreamRecord record, string source, string type, string subject, string subjectName) =>
        new(record.EventId, source, type, subject, EventTime.Of(record), Data(record, subjectName, subject));

    private static JsonObject Data(StreamRecord record, string subjectName, string subject)
    {
        var data = new JsonObject
        {
            [subjectName] = subject,
            ["change"] = record.EventName,
            ["sequenceNumber"] = record.SequenceNumber,
        };
        if (record.NewImage is not null)
        {
            data["new"] = DynamoJson.ToPlain(record.NewImage, IsDomainAttribute);
        }

        if (record.OldImage is not null)
        {
            data["old"] = DynamoJson.ToPlain(record.OldImage, IsDomainAttribute);
        }

        return data;
    }

    // Keys and index keys are storage layout, not part of the event.
    private static bool IsDomainAttribute(string name) =>
        !StorageAttributes.Contains(name) && !name.StartsWith("GSI", StringComparison.Ordinal);

    /// <summary>Serialises an event in the CloudEvents JSON format.</summary>
    public static string ToJson(CloudEvent cloudEvent) => JsonSerializer.Serialize(cloudEvent, EventsJsonContext.Default.CloudEvent);
}
