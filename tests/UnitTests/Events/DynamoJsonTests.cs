using System.Text.Json;
using Events.Worker.Audit;
using Events.Worker.Events;

namespace UnitTests.Events;

public sealed class DynamoJsonTests
{
    [Fact]
    public void DynamoDB_JSON_becomes_plain_JSON()
    {
        var image = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(
            """{"s":{"S":"x"},"n":{"N":"12"},"b":{"BOOL":true},"z":{"NULL":true},"m":{"M":{"k":{"S":"v"}}},"l":{"L":[{"N":"1"},{"S":"a"}]},"ss":{"SS":["a","b"]}}""")!;

        var plain = DynamoJson.ToPlain(image).ToJsonString();

        Assert.Equal("""{"b":true,"l":[1,"a"],"m":{"k":"v"},"n":12,"s":"x","ss":["a","b"],"z":null}""", plain);
    }

    [Fact]
    public void Audit_keys_follow_the_date_partitioned_S3_layout()
    {
        Assert.Equal("audit/2026/01/05/07-shardId-1.jsonl", AuditKeys.For(new DateTimeOffset(2026, 1, 5, 7, 59, 0, TimeSpan.Zero), "shardId-1"));
    }
}
