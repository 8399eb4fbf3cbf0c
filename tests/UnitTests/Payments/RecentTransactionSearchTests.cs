using Payments.Api.Domain;
using Payments.Api.Storage;

namespace UnitTests.Payments;

/// <summary>The strongly consistent search on a GSI1 miss: the window of transactions it reads, and its bounds.</summary>
public class RecentTransactionSearchTests
{
    [Fact]
    public void The_window_reaches_either_side_of_now_so_a_writer_whose_clock_runs_ahead_is_found()
    {
        var (lower, upper) = RecentTransactionSearch.WindowAround(new DateTimeOffset(2026, 1, 15, 10, 20, 0, TimeSpan.Zero), TimeSpan.FromMinutes(1));

        Assert.Equal("TXN#2026-01-15T10:19:00.000Z", lower);
        Assert.Equal("TXN#2026-01-15T10:21:00.000Z$", upper);
        Assert.InRange(string.CompareOrdinal("TXN#2026-01-15T10:20:30.000Z#t1", upper), int.MinValue, -1);
    }

    [Theory]
    [InlineData("00:00:00", 10, 100)]
    [InlineData("00:15:01", 10, 100)]
    [InlineData("00:01:00", 0, 100)]
    [InlineData("00:01:00", 10, 0)]
    public void Options_outside_their_bounds_are_refused_at_start(string window, int maxAccounts, int rows)
    {
        var options = new ReadAfterWriteOptions { Window = TimeSpan.Parse(window, System.Globalization.CultureInfo.InvariantCulture), MaxAccounts = maxAccounts, RowsPerAccount = rows };

        Assert.True(new ReadAfterWriteOptionsValidator().Validate(null, options).Failed);
    }

    [Fact]
    public void The_defaults_are_valid() =>
        Assert.True(new ReadAfterWriteOptionsValidator().Validate(null, new ReadAfterWriteOptions()).Succeeded);
}
