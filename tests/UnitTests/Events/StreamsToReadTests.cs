using DynamoDbStreams.Client;
using DynamoDbStreams.Processing;

namespace UnitTests.Events;

public sealed class StreamsToReadTests
{
    private static readonly StreamSummary First = Stream("2026-01-14T09:00:00.000");
    private static readonly StreamSummary Second = Stream("2026-01-15T10:20:00.000");
    private static readonly StreamSummary Third = Stream("2026-01-16T08:00:00.000");

    private static StreamSummary Stream(string label) => new($"arn:aws:dynamodb:ddblocal:000000000000:table/carts/stream/{label}", "carts", label);

    private static IReadOnlyList<string> Read(IReadOnlyList<StreamSummary> listed, params StreamSummary[] leased) =>
        [.. StreamsToRead.Of(listed, leased.Select(s => s.StreamArn).ToHashSet(StringComparer.Ordinal)).Select(s => s.StreamLabel)];

    [Fact]
    public void A_table_without_leases_reads_its_newest_stream_only()
    {
        Assert.Equal([Third.StreamLabel], Read([Second, Third, First]));
    }

    [Fact]
    public void Every_stream_from_the_oldest_with_leases_onward_is_read_oldest_first()
    {
        Assert.Equal([Second.StreamLabel, Third.StreamLabel], Read([Third, First, Second], Second));
        Assert.Equal([First.StreamLabel, Second.StreamLabel, Third.StreamLabel], Read([Third, First, Second], First)); // the second, never leased, too
    }

    [Fact]
    public void Nothing_is_read_of_a_table_without_streams()
    {
        Assert.Empty(Read([], First));
    }
}
