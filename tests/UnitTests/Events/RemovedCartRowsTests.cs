using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using DynamoDbStreams.Client;
using Events.Worker.Publishing;

namespace UnitTests.Events;

/// <summary>Which carts a batch removed, and which of their rows the cascade deletes: those without a ttl of their own.</summary>
public sealed class RemovedCartRowsTests
{
    private static StreamRecord Record(string eventName, string pk, string sk, string? principal = null) => new(
        "event-1",
        eventName,
        "000000000000000000042",
        DateTimeOffset.UnixEpoch,
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>($$$"""{"PK":{"S":"{{{pk}}}"},"SK":{"S":"{{{sk}}}"}}""")!,
        null,
        null,
        principal);

    private static Dictionary<string, AttributeValue> Row(string sk, long? ttl = null)
    {
        var row = new Dictionary<string, AttributeValue> { ["PK"] = new("CART#c1"), ["SK"] = new(sk) };
        if (ttl is { } value)
        {
            row["ttl"] = new AttributeValue { N = value.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }

        return row;
    }

    [Fact]
    public void The_carts_are_those_whose_header_was_removed_by_ttl_or_not_each_once()
    {
        IReadOnlyList<StreamRecord> batch =
        [
            Record("REMOVE", "CART#c1", "META", principal: "dynamodb.amazonaws.com"),
            Record("REMOVE", "CART#c2", "META"),
            Record("REMOVE", "CART#c1", "META", principal: "dynamodb.amazonaws.com"),
            Record("REMOVE", "CART#c3", "ITEM#SKU-1#-"),          // a line removed: the cart lives on
            Record("MODIFY", "CART#c4", "META"),
            Record("INSERT", "CART#c5", "META"),
            Record("REMOVE", "DEVICE#d1", "ACTIVE_CART"),         // a pointer, not a cart
            Record("REMOVE", "SLOTS#2026-01-15", "META"),
        ];

        Assert.Equal(["c1", "c2"], RemovedCartRows.RemovedCarts("carts", batch));
        Assert.Empty(RemovedCartRows.RemovedCarts("payments", batch));
    }

    [Fact]
    public void Lines_discounts_and_other_rows_without_a_ttl_are_deleted_rows_with_one_are_left_to_dynamodb()
    {
        var keys = RemovedCartRows.ToDelete(
        [
            Row("IDEM#d-abc", ttl: 1_800_000_000),
            Row("ITEM#DISC#SAVE10"),
            Row("ITEM#SKU-1#-"),
            Row("ITEM#SKU-2#size:M"),
        ]);

        Assert.Equal(["ITEM#DISC#SAVE10", "ITEM#SKU-1#-", "ITEM#SKU-2#size:M"], keys.Select(key => key["SK"].S));
        Assert.All(keys, key => Assert.Equal(["PK", "SK"], key.Keys));
    }

    [Fact]
    public void A_partition_whose_header_is_back_is_left_whole()
    {
        Assert.Empty(RemovedCartRows.ToDelete([Row("ITEM#SKU-1#-"), Row("META", ttl: 1_800_000_000)]));
    }

    [Fact]
    public void An_empty_partition_deletes_nothing()
    {
        Assert.Empty(RemovedCartRows.ToDelete([]));
    }
}
