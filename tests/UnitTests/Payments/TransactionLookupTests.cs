using Payments.Api.Domain;
using Payments.Api.Storage;

namespace UnitTests.Payments;

/// <summary>
/// What the strongly consistent search of the caller's accounts concludes on a GSI1 miss: the transaction when an
/// account holds it; a conclusive miss only when every account was listed and read to the end of the window.
/// </summary>
public class TransactionLookupTests
{
    private static readonly LedgerTransaction Alices = Transaction("alice");

    [Fact]
    public void A_transaction_one_account_holds_is_found()
    {
        var lookup = TransactionLookup.After([new(null, ReadToEnd: true), new(Alices, ReadToEnd: false)], everyAccountListed: false, "alice");

        Assert.Same(Alices, lookup.Found);
        Assert.False(lookup.Inconclusive);
    }

    [Fact]
    public void Every_account_read_to_the_end_of_the_window_without_it_is_a_conclusive_miss() =>
        Assert.Equal(TransactionLookup.Absent, TransactionLookup.After([new(null, true), new(null, true)], everyAccountListed: true, "alice"));

    [Fact]
    public void An_account_whose_window_held_more_rows_than_one_read_leaves_the_miss_inconclusive() =>
        Assert.Equal(TransactionLookup.NotSeenYet, TransactionLookup.After([new(null, true), new(null, ReadToEnd: false)], everyAccountListed: true, "alice"));

    [Fact]
    public void More_accounts_than_are_searched_leave_the_miss_inconclusive() =>
        Assert.Equal(TransactionLookup.NotSeenYet, TransactionLookup.After([new(null, true)], everyAccountListed: false, "alice"));

    [Fact]
    public void No_account_listed_leaves_the_miss_inconclusive_for_the_account_index_may_be_behind_too() =>
        Assert.Equal(TransactionLookup.NotSeenYet, TransactionLookup.After([], everyAccountListed: true, "alice"));

    [Fact]
    public void A_transaction_of_someone_else_in_the_callers_partition_is_not_theirs() =>
        Assert.Null(TransactionLookup.After([new(Transaction("mallory"), true)], everyAccountListed: true, "alice").Found);

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

    private static LedgerTransaction Transaction(string userId) => new(
        "t1", "a1", userId, TransactionKinds.Payment, Directions.Debit, 100, "EUR", "m1", TransactionStatuses.Captured, 0, null, null, "2026-01-15T10:20:00.000Z");
}
