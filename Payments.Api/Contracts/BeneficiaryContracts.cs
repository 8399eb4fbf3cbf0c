namespace Payments.Api.Contracts;

/// <summary>Body of creating or replacing a beneficiary.</summary>
internal sealed record BeneficiaryRequest(string? Name, string? Iban, string? Nickname);

/// <summary>A beneficiary as clients see it.</summary>
internal sealed record BeneficiaryResponse(string BeneficiaryId, string Name, string Iban, string? Nickname, long Version, string CreatedAt, string UpdatedAt)
{
    public static BeneficiaryResponse From(Beneficiary b) => new(b.BeneficiaryId, b.Name, b.Iban, b.Nickname, b.Version, b.CreatedAt, b.UpdatedAt);
}

/// <summary>The caller's beneficiaries.</summary>
internal sealed record BeneficiaryList(IReadOnlyList<BeneficiaryResponse> Items);
