using Cart.Api.Contracts;
using Cart.Api.Model;
using Cart.Api.Storage;

namespace Cart.Api.Apis;

/// <summary>Validates catalog requests into domain values, collecting every field error (422, never a 500).</summary>
internal static partial class CatalogValidation
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>The highest price a product may carry, in minor units (fits <see cref="CatalogKeys.PriceDigits"/>).</summary>
    public const long MaxPrice = 10_000_000_000;

    private const string PriceOrder = "price";
    private const string ReversePriceOrder = "-price";

    public static bool IsCategory(string? category) => CategoryShape().MatchesWhole(category);

    /// <summary>
    /// <c>sort</c> is <c>price</c> (cheapest first, the default) or <c>-price</c>; <c>minPrice</c>/<c>maxPrice</c> are
    /// whole minor units from 0 to <see cref="MaxPrice"/>; <c>limit</c> is 1–<see cref="MaxPageSize"/>.
    /// </summary>
    public static Outcome<BrowseQuery> Browse(string category, string? sort, string? minPrice, string? maxPrice, string? limit)
    {
        var errors = new FieldErrors();
        var descending = false;
        switch (sort)
        {
            case null or PriceOrder:
                break;
            case ReversePriceOrder:
                descending = true;
                break;
            default:
                errors.Add("sort", "Must be 'price' (cheapest first) or '-price'.");
                break;
        }

        var min = Number(minPrice, "minPrice", 0, MaxPrice, 0, errors);
        var max = Number(maxPrice, "maxPrice", 0, MaxPrice, MaxPrice, errors);
        if (min > max)
        {
            errors.Add("maxPrice", "Must not be below minPrice.");
        }

        var size = Number(limit, "limit", 1, MaxPageSize, DefaultPageSize, errors);
        return errors.IsEmpty ? new BrowseQuery(category, descending, min, max, (int)size) : errors.ToError();
    }

    /// <summary>A whole amount of minor units in <paramref name="catalogCurrency"/>, the one currency of the catalog.</summary>
    public static Outcome<Money> Price(PriceChangeRequest request, string catalogCurrency)
    {
        var errors = new FieldErrors();
        if (request.Amount is not { } amount)
        {
            errors.Add("amount", "Required.");
        }
        else if (amount is < 0 or > MaxPrice)
        {
            errors.Add("amount", $"Must be an integer number of minor units between 0 and {MaxPrice}.");
        }

        if (!CartValidation.IsCurrency(request.Currency))
        {
            errors.Add("currency", Iso4217Currencies.Rule);
        }
        else if (request.Currency != catalogCurrency)
        {
            errors.Add("currency", $"The catalog is priced in {catalogCurrency}: a category sorts by amount, so every price is in that currency.");
        }

        return errors.IsEmpty ? new Money(request.Amount!.Value, request.Currency!) : errors.ToError();
    }

    // Digits only (no sign, no spaces, no exponent): what a query string of whole minor units looks like.
    private static long Number(string? text, string field, long min, long max, long fallback, FieldErrors errors)
    {
        if (text is null)
        {
            return fallback;
        }

        if (DigitsShape().MatchesWhole(text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors.Add(field, $"Must be a whole number from {min} to {max}.");
        return fallback;
    }

    [GeneratedRegex(@"\A[a-z0-9][a-z0-9-]{0,31}\z")]
    private static partial Regex CategoryShape();

    [GeneratedRegex(@"\A[0-9]{1,19}\z")]
    private static partial Regex DigitsShape();
}
