using static DynamoDbStorage.AttributeValues;

namespace Payments.Api.Storage;

/// <summary>Maps accounts to and from their <c>ACCOUNT#&lt;id&gt;</c> / <c>METADATA</c> item (indexed by user on GSI2).</summary>
internal static class AccountItemMapper
{
    public const string EntityName = "Account";

    public static Dictionary<string, AttributeValue> ToItem(Account account) => new()
    {
        [PaymentAttributes.PartitionKey] = S(PaymentKeys.AccountPk(account.AccountId)),
        [PaymentAttributes.SortKey] = S(PaymentKeys.Metadata),
        [PaymentAttributes.Gsi2PartitionKey] = S(PaymentKeys.UserPk(account.UserId)),
        [PaymentAttributes.Gsi2SortKey] = S(PaymentKeys.AccountsOfUserSk(account.AccountId)),
        [PaymentAttributes.Entity] = S(EntityName),
        [PaymentAttributes.AccountId] = S(account.AccountId),
        [PaymentAttributes.UserId] = S(account.UserId),
        [PaymentAttributes.Currency] = S(account.Currency),
        [PaymentAttributes.Balance] = N(account.Balance),
        [PaymentAttributes.Status] = S(account.Status),
        [PaymentAttributes.Version] = N(account.Version),
        [PaymentAttributes.CreatedAt] = S(account.CreatedAt),
        [PaymentAttributes.UpdatedAt] = S(account.UpdatedAt),
    };

    public static Account ToAccount(IReadOnlyDictionary<string, AttributeValue> item) => new(
        item.GetString(PaymentAttributes.AccountId),
        item.GetString(PaymentAttributes.UserId),
        item.GetString(PaymentAttributes.Currency),
        item.GetLong(PaymentAttributes.Balance),
        item.GetString(PaymentAttributes.Status),
        item.GetLong(PaymentAttributes.Version),
        item.GetString(PaymentAttributes.CreatedAt),
        item.GetString(PaymentAttributes.UpdatedAt));

    public static Dictionary<string, AttributeValue> KeyOf(string accountId) => new()
    {
        [PaymentAttributes.PartitionKey] = S(PaymentKeys.AccountPk(accountId)),
        [PaymentAttributes.SortKey] = S(PaymentKeys.Metadata),
    };
}
