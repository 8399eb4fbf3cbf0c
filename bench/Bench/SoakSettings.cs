using System.Globalization;

namespace Bench;

/// <summary>
/// <c>soak [--duration 00:30:00] [--rate 20] [--guest-lifetime 00:02:00]</c>: how long the soak runs (a day is
/// <c>--duration 24:00:00</c>), the steady offered rate, and the guest cart lifetime Cart.Api is given for it — short,
/// so carts abandoned during the run expire during the run and reads meet DynamoDB Local's expired-but-kept items.
/// </summary>
internal sealed record SoakSettings(TimeSpan Duration, double Rate, TimeSpan GuestLifetime)
{
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(30);

    /// <summary>How often every resource's memory is sampled.</summary>
    public static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(30);

    /// <summary>The load runs in stretches of this length, each with its own latency figures.</summary>
    public static readonly TimeSpan Stretch = TimeSpan.FromMinutes(1);

    public static SoakSettings Parse(IReadOnlyList<string> args) => new(
        TimeSpanAfter(args, "--duration") ?? TimeSpan.FromMinutes(30),
        ValueAfter(args, "--rate") is { } rate ? double.Parse(rate, CultureInfo.InvariantCulture) : 20,
        TimeSpanAfter(args, "--guest-lifetime") ?? TimeSpan.FromMinutes(2));

    private static TimeSpan? TimeSpanAfter(IReadOnlyList<string> args, string name) =>
        ValueAfter(args, name) is { } value ? TimeSpan.Parse(value, CultureInfo.InvariantCulture) : null;

    private static string? ValueAfter(IReadOnlyList<string> args, string name)
    {
        var index = args.ToList().IndexOf(name);
        return index >= 0 && index + 1 < args.Count ? args[index + 1] : null;
    }
}
