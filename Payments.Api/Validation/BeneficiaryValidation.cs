namespace Payments.Api.Validation;

/// <summary>Validates beneficiaries: a name, and an IBAN that passes its ISO 13616 mod-97 check.</summary>
internal static partial class BeneficiaryValidation
{
    public const int MaxNameLength = 100;

    public static Outcome<BeneficiaryRequest> Validate(BeneficiaryRequest request)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors.Add("name", "Required.");
        }
        else if (request.Name.Length > MaxNameLength)
        {
            errors.Add("name", $"At most {MaxNameLength} characters.");
        }
        else
        {
            FreeText.Validate(request.Name, "name", errors);
        }

        var iban = request.Iban?.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (iban is null)
        {
            errors.Add("iban", "Required.");
        }
        else if (!IsIban(iban))
        {
            errors.Add("iban", "Not a valid IBAN.");
        }

        if (request.Nickname is { Length: > MaxNameLength })
        {
            errors.Add("nickname", $"At most {MaxNameLength} characters.");
        }
        else
        {
            FreeText.Validate(request.Nickname, "nickname", errors);
        }

        return errors.IsEmpty ? request with { Name = request.Name!.Trim(), Iban = iban } : errors.ToError();
    }

    /// <summary>Shape (country, check digits, 11–30 alphanumerics) and the mod-97 = 1 check.</summary>
    public static bool IsIban(string iban)
    {
        if (!IbanShape().MatchesWhole(iban))
        {
            return false;
        }

        var remainder = 0;
        foreach (var c in iban[4..] + iban[..4])
        {
            var value = char.IsDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value >= 10 ? ((remainder * 100) + value) % 97 : ((remainder * 10) + value) % 97;
        }

        return remainder == 1;
    }

    [GeneratedRegex(@"\A[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}\z")]
    private static partial Regex IbanShape();
}
