namespace Payments.Api.Validation;

/// <summary>Validates account requests and identifiers.</summary>
internal static class AccountValidation
{
    /// <summary>The validated currency of a new account, or every field error.</summary>
    public static Outcome<string> Validate(CreateAccountRequest request)
    {
        var errors = new FieldErrors();
        Money.ValidateCurrency(request.Currency, "currency", errors);
        return errors.IsEmpty ? request.Currency! : errors.ToError();
    }

    /// <summary>Server-made ids (accounts, transactions, beneficiaries): anything else is a 404 without a read.</summary>
    public static bool IsId(string id) => ServerIds.IsWellFormed(id);
}
