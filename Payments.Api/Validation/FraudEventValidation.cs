namespace Payments.Api.Validation;

/// <summary>Validates fraud event requests and the window a listing asks for (every field error at once).</summary>
internal static class FraudEventValidation
{
    public const int MaxDetailLength = 1000;
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    private const string Earliest = "0001-01-01T00:00:00.000Z";
    private const string Latest = "9999-12-31T23:59:59.999Z";

    // ISO 8601 only: a culture's formats would read 1/2/2026 as 2 January and a bare time as a day of the server's clock.
    // No offset means UTC, as the listing says.
    private static readonly string[] InstantFormats = ["yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    public static FieldErrors Validate(FraudEventRequest request)
    {
        var errors = new FieldErrors();
        if (request.Type is null)
        {
            errors.Add("type", "Required.");
        }
        else if (!FraudEventTypes.All.Contains(request.Type))
        {
            errors.Add("type", "One of " + string.Join(", ", FraudEventTypes.All.Order(StringComparer.Ordinal)) + ".");
        }

        if (request.Detail is { Length: > MaxDetailLength })
        {
            errors.Add("detail", $"At most {MaxDetailLength} characters.");
        }
        else
        {
            FreeText.Validate(request.Detail, "detail", errors);
        }

        return errors;
    }

    /// <summary>The newest <c>limit</c> events (default 20) between <c>from</c> and <c>to</c> (UTC timestamps or days, inclusive).</summary>
    public static Outcome<FraudWindow> Window(int? limit, string? from, string? to)
    {
        var errors = new FieldErrors();
        var size = limit ?? DefaultLimit;
        if (size is < 1 or > MaxLimit)
        {
            errors.Add("limit", $"Must be between 1 and {MaxLimit}.");
        }

        var lower = Bound(from, "from", start: true, errors);
        var upper = Bound(to, "to", start: false, errors);
        if (errors.IsEmpty && string.CompareOrdinal(lower, upper) > 0)
        {
            errors.Add("to", "Must not be before 'from'.");
        }

        return errors.IsEmpty ? new FraudWindow(lower, upper, size) : errors.ToError();
    }

    /// <summary>A day (<c>yyyy-MM-dd</c>, the whole day) or an instant, as a fixed-width UTC timestamp.</summary>
    private static string Bound(string? value, string field, bool start, FieldErrors errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return start ? Earliest : Latest;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return start ? StatementPeriod.StartOf(day) : StatementPeriod.EndOf(day);
        }

        if (DateTimeOffset.TryParseExact(value, InstantFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant.ToUtcTimestamp();
        }

        errors.Add(field, "Must be a day (yyyy-MM-dd) or an ISO-8601 instant.");
        return "";
    }
}

/// <summary>The fraud events a listing reads: the newest <paramref name="Limit"/> from one instant to another, both included.</summary>
internal sealed record FraudWindow(string FromTimestamp, string ToTimestamp, int Limit);
