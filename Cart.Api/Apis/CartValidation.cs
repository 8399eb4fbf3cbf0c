using System.Diagnostics.CodeAnalysis;
using Cart.Api.Contracts;
using UpdateItemRequest = Cart.Api.Contracts.UpdateItemRequest;
using Cart.Api.Model;

namespace Cart.Api.Apis;

/// <summary>Validates cart requests into domain values, collecting every field error.</summary>
internal static partial class CartValidation
{
    private const int MaxAttributes = 20;
    private const int MaxAttributeValueLength = 64;
    private const long MaxAmount = 10_000_000_000;

    public static bool IsSku(string? sku) => Skus.IsWellFormed(sku);

    public static bool IsCurrency([NotNullWhen(true)] string? currency) => Iso4217Currencies.IsActive(currency);

    public static Outcome<string> CurrencyOf(CreateCartRequest? request)
    {
        var currency = request?.Currency ?? Money.DefaultCurrency;
        if (IsCurrency(currency))
        {
            return currency;
        }

        var errors = new FieldErrors();
        errors.Add("currency", Iso4217Currencies.Rule);
        return errors.ToError();
    }

    public static Outcome<LineUpdate> Validate(UpdateItemRequest request)
    {
        var errors = new FieldErrors();
        if (request.Qty is not { } qty)
        {
            errors.Add("qty", "Required.");
        }
        else if (qty > CartRules.MaxQuantityPerLine)
        {
            errors.Add("qty", $"At most {CartRules.MaxQuantityPerLine}; 0 or less removes the line.");
        }

        List<string>? codes = null;
        if (request.PromoCodes is { } promoCodes)
        {
            if (promoCodes.Count > CartRules.MaxPromoCodesPerLine)
            {
                errors.Add("promoCodes", $"At most {CartRules.MaxPromoCodesPerLine} codes per line.");
            }

            codes = [];
            for (var i = 0; i < promoCodes.Count; i++)
            {
                if (promoCodes[i] is { } code && PromoCodeShape().MatchesWhole(code))
                {
                    codes.Add(code);
                }
                else
                {
                    errors.Add($"promoCodes[{i}]", "Promo codes are 1-32 upper-case letters and digits.");
                }
            }
        }

        return errors.IsEmpty ? new LineUpdate(request.Qty!.Value, codes) : errors.ToError();
    }

    /// <summary>A cart id in a request body: required and well formed (anything else could never be found).</summary>
    public static Outcome<string> CartIdIn(string? cartId, string field)
    {
        if (cartId is not null && CartIds.IsWellFormed(cartId))
        {
            return cartId;
        }

        var errors = new FieldErrors();
        errors.Add(field, cartId is null ? "Required." : "Not a cart id.");
        return errors.ToError();
    }

    /// <summary>An account id for checkout: required, printable, bounded.</summary>
    public static Outcome<string> AccountIdIn(string? accountId)
    {
        if (AccountIdShape().MatchesWhole(accountId))
        {
            return accountId;
        }

        var errors = new FieldErrors();
        errors.Add("accountId", accountId is null ? "Required." : "Must be 1-128 letters, digits, '_', ':', '.' or '-'.");
        return errors.ToError();
    }

    public static Outcome<LineAddition> Validate(AddItemRequest request)
    {
        var errors = new FieldErrors();

        if (request.Sku is null)
        {
            errors.Add("sku", "Required.");
        }
        else if (!IsSku(request.Sku))
        {
            errors.Add("sku", "Must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit (and not the reserved 'DISC').");
        }

        if (request.Qty is not { } qty)
        {
            errors.Add("qty", "Required.");
        }
        else if (qty is < 1 or > CartRules.MaxQuantityPerLine)
        {
            errors.Add("qty", $"Must be between 1 and {CartRules.MaxQuantityPerLine}.");
        }

        var attrs = ValidateAttributes(request.Attrs, errors);
        var price = ValidatePrice(request.PriceSnapshot, errors);

        if (request.Source is { } source && !SourceShape().MatchesWhole(source))
        {
            errors.Add("source", "Must be 1-64 letters, digits, '.', '_', ':' or '-', starting with a letter or digit.");
        }

        var lineKey = LineKey.Canonicalize(attrs);
        if (errors.IsEmpty && !ItemId.Fits(request.Sku!, lineKey))
        {
            // The line is the item's id and sort key: a longer one could be stored neither as a key nor as an id a client can send back.
            errors.Add("attrs", $"Together with the SKU, the attributes (as name:value pairs joined by ';') may take at most {ItemId.MaxLineBytes} bytes of UTF-8.");
        }

        if (!errors.IsEmpty)
        {
            return errors.ToError();
        }

        return new LineAddition(request.Sku!, request.Qty!.Value, attrs, lineKey, price, request.Source);
    }

    private static SortedDictionary<string, string> ValidateAttributes(Dictionary<string, string?>? attrs, FieldErrors errors)
    {
        var valid = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (attrs is null)
        {
            return valid;
        }

        if (attrs.Count > MaxAttributes)
        {
            errors.Add("attrs", $"At most {MaxAttributes} attributes.");
        }

        foreach (var (key, value) in attrs)
        {
            if (!AttributeKeyShape().MatchesWhole(key))
            {
                errors.Add($"attrs.{key}", "Attribute names are 1-32 letters, digits, '.', '_' or '-', starting with a letter or digit.");
            }
            else if (string.IsNullOrEmpty(value) || value.Length > MaxAttributeValueLength || value.Contains(';', StringComparison.Ordinal))
            {
                // ';' separates pairs in the line key, so a value containing it would make two lines look alike.
                errors.Add($"attrs.{key}", $"Attribute values must be 1-{MaxAttributeValueLength} characters without ';'.");
            }
            else if (FreeText.Validate(value, $"attrs.{key}", errors))
            {
                valid[key] = value;
            }
        }

        return valid;
    }

    private static Money? ValidatePrice(MoneyRequest? price, FieldErrors errors)
    {
        if (price is null)
        {
            return null;
        }

        if (price.Amount is not { } amount)
        {
            errors.Add("priceSnapshot.amount", "Required.");
        }
        else if (amount is < 0 or > MaxAmount)
        {
            errors.Add("priceSnapshot.amount", $"Must be an integer number of minor units between 0 and {MaxAmount}.");
        }

        if (!IsCurrency(price.Currency))
        {
            errors.Add("priceSnapshot.currency", Iso4217Currencies.Rule);
        }

        return price.Amount is { } value && IsCurrency(price.Currency) ? new Money(value, price.Currency!) : null;
    }

    [GeneratedRegex(@"\A[A-Z0-9]{1,32}\z")]
    private static partial Regex PromoCodeShape();

    [GeneratedRegex(@"\A[A-Za-z0-9_:.-]{1,128}\z")]
    private static partial Regex AccountIdShape();

    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9_.-]{0,31}\z")]
    private static partial Regex AttributeKeyShape();

    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9._:-]{0,63}\z")]
    private static partial Regex SourceShape();
}
