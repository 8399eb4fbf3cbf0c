namespace Payments.Api.Domain;

/// <summary>Someone the user pays out to, versioned for optimistic concurrency.</summary>
internal sealed record Beneficiary(string BeneficiaryId, string UserId, string Name, string Iban, string? Nickname, long Version, string CreatedAt, string UpdatedAt);
