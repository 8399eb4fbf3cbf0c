namespace Payments.Api.Contracts;

/// <summary>Body of creating or replacing a beneficiary.</summary>
internal sealed record BeneficiaryRequest(string? Name, string? Iban, string? Nickname);

/// <summary>A beneficiary as clients see it.</summary>
internal sealed record BeneficiaryResponse(string BeneficiaryId, string Name, string Iban, string? Nickname, long Version, string CreatedAt, string UpdatedAt)
{
    public static BeneficiaryResponse From(Beneficiary b) => new(b.BeneficiaryId, b.Name, b.Iban, b.Nickname, b.Version, b.CreatedAt, b.UpdatedAt);
}

/// <summary>One page of the caller's beneficiaries; <paramref name="NextCursor"/> fetches the next (null on the last page).</summary>
internal sealed record BeneficiaryList(IReadOnlyList<BeneficiaryResponse> Items, string? NextCursor);
