using static DynamoDbStorage.AttributeValues;

namespace Payments.Api.Beneficiaries;

/// <summary>Someone the user pays out to (<c>USER#&lt;userId&gt;</c> / <c>BENEFICIARY#&lt;id&gt;</c>).</summary>
internal sealed record Beneficiary(string BeneficiaryId, string UserId, string Name, string Iban, string? Nickname, long Version, string CreatedAt, string UpdatedAt)
{
    public const string EntityName = "Beneficiary";

    public Dictionary<string, AttributeValue> ToItem()
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [PaymentAttributes.PartitionKey] = S(PaymentKeys.UserPk(UserId)),
            [PaymentAttributes.SortKey] = S(PaymentKeys.BeneficiarySk(BeneficiaryId)),
            [PaymentAttributes.Entity] = S(EntityName),
            [PaymentAttributes.BeneficiaryId] = S(BeneficiaryId),
            [PaymentAttributes.UserId] = S(UserId),
            [PaymentAttributes.Name] = S(Name),
            [PaymentAttributes.Iban] = S(Iban),
            [PaymentAttributes.Version] = N(Version),
            [PaymentAttributes.CreatedAt] = S(CreatedAt),
            [PaymentAttributes.UpdatedAt] = S(UpdatedAt),
        };
        if (Nickname is not null)
        {
            item[PaymentAttributes.Nickname] = S(Nickname);
        }

        return item;
    }

    public static Beneficiary FromItem(IReadOnlyDictionary<string, AttributeValue> item) => new(
        item.GetString(PaymentAttributes.BeneficiaryId),
        item.GetString(PaymentAttributes.UserId),
        item.GetString(PaymentAttributes.Name),
        item.GetString(PaymentAttributes.Iban),
        item.GetStringOrNull(PaymentAttributes.Nickname),
        item.GetLong(PaymentAttributes.Version),
        item.GetString(PaymentAttributes.CreatedAt),
        item.GetString(PaymentAttributes.UpdatedAt));

    public static Dictionary<string, AttributeValue> KeyOf(string userId, string beneficiaryId) => new()
    {
        [PaymentAttributes.PartitionKey] = S(PaymentKeys.UserPk(userId)),
        [PaymentAttributes.SortKey] = S(PaymentKeys.BeneficiarySk(beneficiaryId)),
    };
}

/// <summary>Body of creating or replacing a beneficiary.</summary>
internal sealed record BeneficiaryRequest(string? Name, string? Iban, string? Nickname);

/// <summary>A beneficiary as clients see it.</summary>
internal sealed record BeneficiaryResponse(string BeneficiaryId, string Name, string Iban, string? Nickname, long Version, string CreatedAt, string UpdatedAt)
{
    public static BeneficiaryResponse From(Beneficiary b) => new(b.BeneficiaryId, b.Name, b.Iban, b.Nickname, b.Version, b.CreatedAt, b.UpdatedAt);
}

/// <summary>The caller's beneficiaries.</summary>
internal sealed record BeneficiaryList(IReadOnlyList<BeneficiaryResponse> Items);
