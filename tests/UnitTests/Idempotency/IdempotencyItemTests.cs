using Idempotency;

namespace UnitTests.Idempotency;

public class IdempotencyItemTests
{
    [Fact]
    public void A_completed_record_survives_the_round_trip_through_dynamodb_attributes()
    {
        var created = new DateTimeOffset(2026, 1, 15, 10, 20, 0, 123, TimeSpan.Zero);
        var record = new IdempotencyRecord(
            "abc", IdempotencyStatus.Completed, "claim-1", created, created.AddHours(24), created,
            new StoredResponse(201, """{"cartId":"c1"}""", "application/json", new Dictionary<string, string> { ["ETag"] = "\"1\"" }));
        var scope = new IdempotencyScope("carts", "CART#c1", "IDEM#k1");

        var item = IdempotencyItem.ToAttributes(scope, record);
        var read = IdempotencyItem.FromAttributes(item)!;

        Assert.Equal("CART#c1", item["PK"].S);
        Assert.Equal("IDEM#k1", item["SK"].S);
        Assert.Equal(created.AddHours(24).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), item["ttl"].N);
        Assert.Equal(record.Fingerprint, read.Fingerprint);
        Assert.Equal(record.Status, read.Status);
        Assert.Equal(record.CreatedAt, read.CreatedAt);
        Assert.Equal(record.Response!.Body, read.Response!.Body);
        Assert.Equal("\"1\"", read.Response.Headers["ETag"]);
    }

    [Fact]
    public void A_completed_answer_without_a_body_is_stored_without_one_and_read_back_without_one()
    {
        var created = new DateTimeOffset(2026, 1, 15, 10, 20, 0, TimeSpan.Zero);
        var record = new IdempotencyRecord(
            "abc", IdempotencyStatus.Completed, "claim-1", created, created.AddHours(24), created,
            StoredResponse.WithoutBody(204, new Dictionary<string, string>()));

        var item = IdempotencyItem.ToAttributes(new IdempotencyScope("payments", "IDEMPOTENCY#k1", "METADATA"), record);
        var read = IdempotencyItem.FromAttributes(item)!.Response!;

        Assert.DoesNotContain(IdempotencyItem.ResponseBody, item.Keys);
        Assert.DoesNotContain(IdempotencyItem.ResponseContentType, item.Keys);
        Assert.Equal(204, read.StatusCode);
        Assert.True(read.IsBodyless);
    }

    [Fact]
    public void An_item_that_is_not_an_idempotency_record_reads_as_absent()
    {
        Assert.Null(IdempotencyItem.FromAttributes(null));
        Assert.Null(IdempotencyItem.FromAttributes([]));
    }
}
