using DynamoDbStorage;
using Xunit;

namespace UnitTests.DynamoDbStorage;

public class UtcTimestampTests
{
    [Fact]
    public void Timestamps_are_fixed_width_utc_with_milliseconds()
    {
        var instant = new DateTimeOffset(2026, 1, 5, 3, 4, 5, 6, TimeSpan.FromHours(2));

        Assert.Equal("2026-01-05T01:04:05.006Z", instant.ToUtcTimestamp());
    }
}
