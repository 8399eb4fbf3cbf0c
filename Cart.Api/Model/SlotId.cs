using System.Diagnostics.CodeAnalysis;

namespace Cart.Api.Model;

/// <summary>A delivery slot's id, <c>yyyy-MM-dd-HHmm</c>: the day and the start time (UTC) of its window.</summary>
internal sealed partial record SlotId(DateOnly Date, TimeOnly Start)
{
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out SlotId? slot)
    {
        slot = null;
        if (!Shape().MatchesWhole(text)
            || !DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || !TimeOnly.TryParseExact(text[11..], "HHmm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
        {
            return false;
        }

        slot = new SlotId(date, start);
        return true;
    }

    /// <summary>When the window opens.</summary>
    public DateTimeOffset StartsAt => new(Date.ToDateTime(Start), TimeSpan.Zero);

    public override string ToString() =>
        $"{Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}-{Start.ToString("HHmm", CultureInfo.InvariantCulture)}";

    [GeneratedRegex(@"\A[0-9]{4}-[0-9]{2}-[0-9]{2}-[0-9]{4}\z")]
    private static partial Regex Shape();
}
