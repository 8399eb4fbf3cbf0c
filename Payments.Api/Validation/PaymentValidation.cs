namespace Payments.Api.Validation;

/// <summary>Validates payment, refund and deposit requests (every field error at once).</summary>
internal static partial class PaymentValidation
{
    public const int MaxDescriptionLength = 200;

    public static FieldErrors Validate(PaymentRequest request)
    {
        var errors = new FieldErrors();
        if (request.AccountId is null)
        {
            errors.Add("accountId", "Required.");
        }
        else if (!AccountValidation.IsId(request.AccountId))
        {
            errors.Add("accountId", "Not an account id.");
        }

        Money.ValidateAmount(request.Amount, "amount", errors);
        Money.ValidateCurrency(request.Currency, "currency", errors);
        if (request.MerchantId is null)
        {
            errors.Add("merchantId", "Required.");
        }
        else if (!IsMerchantId(request.MerchantId))
        {
            errors.Add("merchantId", "Must be 1-64 letters, digits, '.', '_', ':' or '-', starting with a letter or digit.");
        }

        ValidateDescription(request.Description, errors);
        return errors;
    }

    public static FieldErrors Validate(RefundRequest request)
    {
        var errors = new FieldErrors();
        if (request.Amount is not null)
        {
            Money.ValidateAmount(request.Amount, "amount", errors);
        }

        ValidateDescription(request.Description, errors);
        return errors;
    }

    public static FieldErrors Validate(DepositRequest request)
    {
        var errors = new FieldErrors();
        Money.ValidateAmount(request.Amount, "amount", errors);
        Money.ValidateCurrency(request.Currency, "currency", errors);
        ValidateDescription(request.Description, errors);
        return errors;
    }

    public static void ValidateDescription(string? description, FieldErrors errors)
    {
        if (description is { Length: > MaxDescriptionLength })
        {
            errors.Add("description", $"At most {MaxDescriptionLength} characters.");
        }
        else
        {
            FreeText.Validate(description, "description", errors);
        }
    }

    /// <summary>Merchant ids never carry the key separator <c>#</c>.</summary>
    public static bool IsMerchantId(string merchantId) => MerchantIdShape().MatchesWhole(merchantId);

    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9._:-]{0,63}\z")]
    private static partial Regex MerchantIdShape();
}
