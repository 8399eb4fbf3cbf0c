using static DynamoDbStorage.AttributeValues;

namespace Payments.Api.Storage;

/// <summary>Maps beneficiaries to and from their <c>USER#&lt;userId&gt;</c> / <c>BENEFICIARY#&lt;id&gt;</c> item.</summary>
internal static class BeneficiaryItemMapper
{
    public const string EntityName = "Beneficiary";

    public static Dictionary<string, AttributeValue> ToItem(Beneficiary beneficiary)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [PaymentAttributes.PartitionKey] = S(PaymentKeys.UserPk(beneficiary.UserId)),
            [PaymentAttributes.SortKey] = S(PaymentKeys.BeneficiarySk(beneficiary.BeneficiaryId)),
            [PaymentAttributes.Entity] = S(EntityName),
            [PaymentAttributes.BeneficiaryId] = S(beneficiary.BeneficiaryId),
            [PaymentAttributes.UserId] = S(beneficiary.UserId),
            [PaymentAttributes.Name] = S(beneficiary.Name),
            [PaymentAttributes.Iban] = S(beneficiary.Iban),
            [PaymentAttributes.Version] = N(beneficiary.Version),
            [PaymentAttributes.CreatedAt] = S(beneficiary.CreatedAt),
            [PaymentAttributes.UpdatedAt] = S(beneficiary.UpdatedAt),
        };
        if (beneficiary.Nickname is not null)
        {
            item[PaymentAttributes.Nickname] = S(beneficiary.Nickname);
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
