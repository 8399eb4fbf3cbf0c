namespace Payments.Api.Validation;

/// <summary>
/// A statement's period: whole UTC days, both bounds inclusive (<c>from=2026-01-01&amp;to=2026-01-31</c> is January,
/// its last millisecond included). Either bound may be left out.
/// </summary>
internal sealed record StatementPeriod(string FromTimestamp, string ToTimestamp)
{
    private const string DayFormat = "yyyy-MM-dd";

    public static Outcome<StatementPeriod> Parse(string? from, string? to)
    {
        var errors = new FieldErrors();
        var first = ParseDay(from, DateOnly.MinValue, "from", errors);
        var last = ParseDay(to, DateOnly.MaxValue, "to", errors);
        if (errors.IsEmpty && first > last)
        {
            errors.Add("to", "Must not be before 'from'.");
        }

        return errors.IsEmpty
            ? new StatementPeriod(StartOf(first), EndOf(last))
            : errors.ToError();
    }

    /// <summary>The first millisecond of a day, fixed width.</summary>
    public static string StartOf(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture) + "T00:00:00.000Z";

    /// <summary>The last millisecond of a day, fixed width.</summary>
    public static string EndOf(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture) + "T23:59:59.999Z";

    private static DateOnly ParseDay(string? value, DateOnly fallback, string field, FieldErrors errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }

        if (DateOnly.TryParseExact(value, DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors.Add(field, "Must be a date in the form yyyy-MM-dd.");
        return fallback;
    }
}
