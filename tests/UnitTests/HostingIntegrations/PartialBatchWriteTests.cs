using System.Text;
using System.Text.Json.Nodes;
using HostingIntegrations.DynamoDBFaults;

namespace UnitTests.HostingIntegrations;

/// <summary>
/// How a throttle splits a <c>BatchWriteItem</c>: the first half of its requests forwarded to DynamoDB, the rest put in
/// the answer's <c>UnprocessedItems</c> exactly as asked, under their tables; a body it cannot read is not split at all.
/// </summary>
public sealed class PartialBatchWriteTests
{
    [Fact]
    public void The_first_half_of_the_requests_rounded_up_is_forwarded_and_the_rest_left_unprocessed()
    {
        var body = Batch(("carts", [Put("P1"), Put("P2"), Put("P3"), Put("P4"), Delete("P5")]));

        var split = PartialBatchWrite.Split(body)!;

        var forwarded = JsonNode.Parse(split.ForwardedBody)!.AsObject();
        Assert.Equal(["P1", "P2", "P3"], PartitionKeys(forwarded["RequestItems"]!["carts"]!));
        Assert.Equal(["P4", "P5"], PartitionKeys(split.UnprocessedItems["carts"]!));
        Assert.Equal(2, split.Unprocessed);
    }

    [Fact]
    public void The_rest_of_the_request_is_forwarded_as_it_was()
    {
        var body = JsonNode.Parse(Batch(("carts", [Put("P1"), Put("P2")])))!.AsObject();
        body["ReturnConsumedCapacity"] = "TOTAL";
        body["ReturnItemCollectionMetrics"] = "SIZE";

        var forwarded = JsonNode.Parse(PartialBatchWrite.Split(Encoding.UTF8.GetBytes(body.ToJsonString()))!.ForwardedBody)!.AsObject();

        Assert.Equal("TOTAL", (string?)forwarded["ReturnConsumedCapacity"]);
        Assert.Equal("SIZE", (string?)forwarded["ReturnItemCollectionMetrics"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Put("P1")), forwarded["RequestItems"]!["carts"]![0]), "the forwarded request changed");
    }

    [Fact]
    public void Unprocessed_items_are_the_write_requests_as_asked_in_DynamoDBs_shape()
    {
        var split = PartialBatchWrite.Split(Batch(("carts", [Put("P1"), Delete("P2")])))!;
        var answer = JsonNode.Parse(split.Answer("""{"UnprocessedItems":{},"ConsumedCapacity":[{"TableName":"carts","CapacityUnits":1.0}]}"""u8.ToArray()))!;

        var expected = JsonNode.Parse("{\"UnprocessedItems\":{\"carts\":[" + Delete("P2") + "]},\"ConsumedCapacity\":[{\"TableName\":\"carts\",\"CapacityUnits\":1.0}]}");
        Assert.True(JsonNode.DeepEquals(expected, answer), answer.ToJsonString());
    }

    [Fact]
    public void A_request_across_tables_is_split_in_the_order_asked_and_each_part_stays_under_its_table()
    {
        var body = Batch(("carts", [Put("C1"), Put("C2")]), ("payments", [Put("A1"), Delete("A2"), Put("A3")]), ("leases", [Put("L1")]));

        var split = PartialBatchWrite.Split(body)!;

        var forwarded = JsonNode.Parse(split.ForwardedBody)!["RequestItems"]!.AsObject();
        Assert.Equal(["carts", "payments"], forwarded.Select(table => table.Key));
        Assert.Equal(["C1", "C2"], PartitionKeys(forwarded["carts"]!));
        Assert.Equal(["A1"], PartitionKeys(forwarded["payments"]!));
        Assert.Equal(["payments", "leases"], split.UnprocessedItems.Select(table => table.Key));
        Assert.Equal(["A2", "A3"], PartitionKeys(split.UnprocessedItems["payments"]!));
        Assert.Equal(["L1"], PartitionKeys(split.UnprocessedItems["leases"]!));
        Assert.Equal(3, split.Unprocessed);
    }

    [Fact]
    public void What_DynamoDB_itself_left_unprocessed_is_kept_beside_what_the_fault_left()
    {
        var split = PartialBatchWrite.Split(Batch(("carts", [Put("P1"), Put("P2")])))!;
        var upstream = "{\"UnprocessedItems\":{\"carts\":[" + Put("P1") + "]}}";

        var answer = JsonNode.Parse(split.Answer(Encoding.UTF8.GetBytes(upstream)))!;

        Assert.Equal(["P1", "P2"], PartitionKeys(answer["UnprocessedItems"]!["carts"]!));
    }

    [Fact]
    public void A_batch_of_one_request_is_not_split_but_throttled_whole()
    {
        var body = Batch(("carts", [Put("P1")]));

        Assert.Null(PartialBatchWrite.Split(body));
        Assert.True(PartialBatchWrite.Reads(body));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("""{"RequestItems":{}}""")]
    [InlineData("""{"RequestItems":[]}""")]
    [InlineData("""{"RequestItems":{"carts":[]}}""")]
    [InlineData("""{"RequestItems":{"carts":{"PutRequest":{}}}}""")]
    [InlineData("""{"RequestItems":{"carts":[{"PutRequest":{"Item":{"PK":{"S":"a"}}}},"oops"]}}""")]
    public void A_body_that_is_not_a_batch_of_write_requests_is_left_to_DynamoDB(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);

        Assert.False(PartialBatchWrite.Reads(bytes));
        Assert.Null(PartialBatchWrite.Split(bytes));
        Assert.False(new DynamoDBFault(DynamoDBFaultKind.Throttle).Applies(PartialBatchWrite.Operation, bytes));
    }

    private static byte[] Batch(params (string Table, string[] Requests)[] tables)
    {
        var requestItems = new JsonObject();
        foreach (var (table, requests) in tables)
        {
            requestItems[table] = new JsonArray([.. requests.Select(request => JsonNode.Parse(request))]);
        }

        return Encoding.UTF8.GetBytes(new JsonObject { ["RequestItems"] = requestItems }.ToJsonString());
    }

    private static string Put(string pk) =>
        new JsonObject { ["PutRequest"] = new JsonObject { ["Item"] = Key(pk, ("name", $"item {pk}")) } }.ToJsonString();

    private static string Delete(string pk) => new JsonObject { ["DeleteRequest"] = new JsonObject { ["Key"] = Key(pk) } }.ToJsonString();

    private static JsonObject Key(string pk, params (string Name, string Value)[] more)
    {
        var item = new JsonObject { ["PK"] = new JsonObject { ["S"] = pk }, ["SK"] = new JsonObject { ["S"] = "CATALOG" } };
        foreach (var (name, value) in more)
        {
            item[name] = new JsonObject { ["S"] = value };
        }

        return item;
    }

    private static IEnumerable<string?> PartitionKeys(JsonNode requests) =>
        requests.AsArray().Select(request => (string?)(request!["PutRequest"]?["Item"] ?? request["DeleteRequest"]!["Key"])!["PK"]!["S"]);
}
