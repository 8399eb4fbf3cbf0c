namespace Payments.Api.Accounts;

/// <summary>Validates account requests and identifiers.</summary>
internal static partial class AccountValidation
{
    /// <summary>The validated (userId, currency) of a new account, or every field error.</summary>
    public static Outcome<(string UserId, string Currency)> Validate(CreateAccountRequest request)
    {
        var errors = new FieldErrors();
        if (request.UserId is null)
        {
            errors.Add("userId", "Required.");
        }
        else if (!UserIdShape().IsMatch(request.UserId))
        {
            errors.Add("userId", "Must match ^[A-Za-z0-9][A-Za-z0-9._@:-]{0,127}$.");
        }

        if (request.Currency is null)
        {
            errors.Add("currency", "Required.");
        }
        else if (!CurrencyShape().IsMatch(request.Currency))
        {
            errors.Add("currency", "Must be an ISO 4217 code of three upper-case letters.");
        }

        return errors.IsEmpty ? (request.UserId!, request.Currency!) : errors.ToError();
    }

    /// <summary>Ids that could be ours; anything else is answered 404 without touching DynamoDB.</summary>
    public static bool IsAccountId(string accountId) => AccountIdShape().IsMatch(accountId);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._@:-]{0,127}$")]
    private static partial Regex UserIdShape();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyShape();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex AccountIdShape();
}
