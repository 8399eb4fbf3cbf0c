using Cart.Api.Contracts;

namespace Cart.Api.Apis;

/// <summary>Validates delivery-slot inputs: whole-string shapes, real days and times, sane capacities.</summary>
internal static partial class SlotValidation
{
    public const int MaxCapacity = 100_000;

    public static bool TryParseDate(string? text, out DateOnly date)
    {
        date = default;
        return DateShape().MatchesWhole(text)
            && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    public static Outcome<int> Capacity(SlotCapacityRequest request)
    {
        if (request.Capacity is { } capacity and >= 0 and <= MaxCapacity)
        {
            return capacity;
        }

        return ApiError.Validation(new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["capacity"] = [request.Capacity is null ? "Required." : $"Must be between 0 and {MaxCapacity}."],
        });
    }

    [GeneratedRegex(@"\A[0-9]{4}-[0-9]{2}-[0-9]{2}\z")]
    private static partial Regex DateShape();
}
