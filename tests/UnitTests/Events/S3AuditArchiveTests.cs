using Events.Worker.Audit;

namespace UnitTests.Events;

public sealed class S3AuditArchiveTests
{
    private static readonly DateTimeOffset BatchTime = new(2026, 1, 5, 7, 12, 0, TimeSpan.Zero);

    [Fact]
    public void A_batch_object_key_is_the_hourly_layout_plus_its_sequence_range_and_write_id()
    {
        var writeId = Guid.Parse("0194a7d2-3c00-7000-8000-000000000001");

        Assert.Equal("audit/2026/01/05/07-shardId-1-000042-000050-0194a7d23c0070008000000000000001.jsonl",
            AuditKeys.ForBatch(BatchTime, "shardId-1", "000042", "000050", writeId));
    }

    [Fact]
    public void The_same_batch_written_twice_gets_two_keys()
    {
        Assert.NotEqual(
            AuditKeys.ForBatch(BatchTime, "shardId-1", "000042", "000050", Guid.CreateVersion7(BatchTime)),
            AuditKeys.ForBatch(BatchTime, "shardId-1", "000042", "000050", Guid.CreateVersion7(BatchTime)));
    }

    [Fact]
    public void A_custom_endpoint_is_addressed_path_style()
    {
        var config = AuditS3Config.Create("http://127.0.0.1:4568");

        Assert.Equal("http://127.0.0.1:4568", config.ServiceURL.TrimEnd('/'));
        Assert.True(config.ForcePathStyle);
    }

    [Fact]
    public void Without_an_endpoint_the_sdk_chain_decides()
    {
        var config = AuditS3Config.Create(null);

        Assert.Null(config.ServiceURL);
        Assert.False(config.ForcePathStyle);
    }
}
