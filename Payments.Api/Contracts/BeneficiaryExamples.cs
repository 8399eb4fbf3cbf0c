namespace Payments.Api.Contracts;

/// <summary>The beneficiary examples the payments document shows, built from the contract's records.</summary>
internal static class BeneficiaryExamples
{
    private const string CreatedAt = "2026-01-20T08:30:00.000Z";
    private const string RenamedAt = "2026-01-22T17:45:00.000Z";

    public static readonly BeneficiaryRequest Create = new("Ann Example", "GB82 WEST 1234 5698 7654 32", "Landlord");

    public static readonly BeneficiaryResponse Created = new(
        "3f2504e04f8911d39a0c0305e82c3301", "Ann Example", "GB82WEST12345698765432", "Landlord", Version: 1, CreatedAt, CreatedAt);

    public static readonly BeneficiaryRequest Replace = Create with { Nickname = "Rent" };

    public static readonly BeneficiaryResponse Replaced = Created with { Nickname = "Rent", Version = 2, UpdatedAt = RenamedAt };

    public static readonly BeneficiaryList List = new([Replaced], NextCursor: null);

    /// <summary>A change or delete with an <c>If-Match</c> that names an older version.</summary>
    public static readonly ApiError Stale = ApiError.PreconditionFailed("The beneficiary has changed since it was read.");
}
