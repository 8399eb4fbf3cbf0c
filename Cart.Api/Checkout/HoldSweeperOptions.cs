using System.ComponentModel.DataAnnotations;
using Cart.Api.Model;
using Cart.Api.Storage;

namespace Cart.Api.Checkout;

/// <summary>The background release of expired, unpaid checkout holds (section <c>Carts:HoldSweeper</c>).</summary>
internal sealed class HoldSweeperOptions
{
    public const string SectionName = "Carts:HoldSweeper";

    /// <summary>Off, expired holds are still never counted on read and are reclaimed by the next checkout that needs the place.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often each replica looks for holds that expired since the last sweep.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How far back the first sweep of a table looks, when no replica has swept it yet.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan Lookback { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The most minutes one sweep queries (one Query each), so catching up after an outage comes in slices.</summary>
    [Range(1, 100_000)]
    public int MaxMinutesPerSweep { get; set; } = 240;
}

[OptionsValidator]
internal sealed partial class HoldSweeperOptionsValidator : IValidateOptions<HoldSweeperOptions>;
