using System.ComponentModel.DataAnnotations;

namespace Payments.Api.Storage;

/// <summary>
/// How far the strongly consistent search for a transaction GSI1 has not shown yet reaches (section
/// <c>Payments:ReadAfterWrite</c>; <see cref="RecentTransactionSearch"/>). Each bound caps what an unknown id costs.
/// </summary>
internal sealed class ReadAfterWriteOptions
{
    public const string SectionName = "Payments:ReadAfterWrite";

    /// <summary>
    /// How recent a transaction must be to be searched for, either side of now (the instance that wrote it may run a
    /// little ahead). GSI1 lagging further behind than this is an incident, not a read-after-write.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:15:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many of the caller's accounts are searched: one strongly consistent <c>Query</c> each.</summary>
    [Range(1, 100)]
    public int MaxAccounts { get; set; } = 10;

    /// <summary>How many of an account's transactions in the window one <c>Query</c> reads, newest first.</summary>
    [Range(1, 1000)]
    public int RowsPerAccount { get; set; } = 100;
}

[OptionsValidator]
internal sealed partial class ReadAfterWriteOptionsValidator : IValidateOptions<ReadAfterWriteOptions>;
