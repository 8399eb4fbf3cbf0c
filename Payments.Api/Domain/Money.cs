namespace Payments.Api.Domain;

/// <summary>The rules for amounts (integer minor units) and currencies (ISO 4217 codes).</summary>
internal static partial class Money
{
    /// <summary>The largest single movement: 10^12 minor units (ten billion in a two-decimal currency).</summary>
    public const long MaxAmount = 1_000_000_000_000;

    /// <summary>The largest balance an account may hold, far inside <see cref="long"/>.</summary>
    public const long MaxBalance = 1_000_000_000_000_000;

    public static void ValidateAmount(long? amount, string field, FieldErrors errors)
    {
        if (amount is null)
        {
            errors.Add(field, "Required: an integer number of minor units.");
        }
        else if (amount is <= 0 or > MaxAmount)
        {
            errors.Add(field, string.Create(CultureInfo.InvariantCulture, $"Must be between 1 and {MaxAmount} minor units."));
        }
    }

    public static void ValidateCurrency(string? currency, string field, FieldErrors errors)
    {
        if (currency is null)
        {
            errors.Add(field, "Required.");
        }
        else if (!Iso4217Currencies.IsActive(currency))
        {
            errors.Add(field, Iso4217Currencies.Rule);
        }
    }
}
