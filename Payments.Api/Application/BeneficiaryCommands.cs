namespace Payments.Api.Application;

/// <summary>Add a beneficiary (validated: a trimmed name, a normalised IBAN) for <paramref name="UserId"/>.</summary>
internal sealed record AddBeneficiary(string UserId, string Name, string Iban, string? Nickname);

/// <summary>Replace a beneficiary's fields; <paramref name="IfMatch"/> says whether the request's <c>If-Match</c> allows a version.</summary>
internal sealed record ReplaceBeneficiary(string UserId, string BeneficiaryId, string Name, string Iban, string? Nickname, Predicate<long> IfMatch);

/// <summary>Delete a beneficiary; <paramref name="IfMatch"/> says whether the request's <c>If-Match</c> allows a version.</summary>
internal sealed record DeleteBeneficiary(string UserId, string BeneficiaryId, Predicate<long> IfMatch);
