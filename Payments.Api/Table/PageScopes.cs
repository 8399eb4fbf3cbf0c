namespace Payments.Api.Table;

/// <summary>The <see cref="CursorScope"/> of every paginated query of the <c>payments</c> table, beside the keys it reads.</summary>
internal static class PageScopes
{
    /// <summary>An account's statement: its partition, transaction sort keys within the period.</summary>
    public static CursorScope Statement(string accountId, string fromTimestamp, string toTimestamp)
    {
        var (lower, upper) = PaymentKeys.TransactionSkRange(fromTimestamp, toTimestamp);
        return new CursorScope()
            .Exactly(PaymentAttributes.PartitionKey, PaymentKeys.AccountPk(accountId))
            .Between(PaymentAttributes.SortKey, lower, upper);
    }

    /// <summary>An account's audit history: its partition, audit sort keys only.</summary>
    public static CursorScope Audit(string accountId) => new CursorScope()
        .Exactly(PaymentAttributes.PartitionKey, PaymentKeys.AccountPk(accountId))
        .StartingWith(PaymentAttributes.SortKey, PaymentKeys.AuditSkPrefix);

    /// <summary>A merchant's transactions (GSI3): the merchant's partition, transaction rows of accounts.</summary>
    public static CursorScope MerchantTransactions(string merchantId) => new CursorScope()
        .Exactly(PaymentAttributes.Gsi3PartitionKey, PaymentKeys.MerchantPk(merchantId))
        .StartingWith(PaymentAttributes.Gsi3SortKey, PaymentKeys.TransactionSkPrefix)
        .StartingWith(PaymentAttributes.PartitionKey, PaymentKeys.AccountPkPrefix)
        .StartingWith(PaymentAttributes.SortKey, PaymentKeys.TransactionSkPrefix);

    /// <summary>
    /// A shopper's view of a merchant's transactions (GSI3, filtered to the caller): a position in the merchant's
    /// partition (<see cref="MerchantPosition"/>), never another customer's row.
    /// </summary>
    public static CursorScope ShopperMerchantTransactions(string merchantId) => new CursorScope()
        .Exactly(PaymentAttributes.Gsi3PartitionKey, PaymentKeys.MerchantPk(merchantId))
        .StartingWith(PaymentAttributes.Gsi3SortKey, PaymentKeys.TransactionSkPrefix)
        .Where(MerchantPosition.ReturnedAttribute, MerchantPosition.IsCount);

    /// <summary>A user's beneficiaries: the user's partition, beneficiary sort keys only (not the fraud events beside them).</summary>
    public static CursorScope Beneficiaries(string userId) => new CursorScope()
        .Exactly(PaymentAttributes.PartitionKey, PaymentKeys.UserPk(userId))
        .StartingWith(PaymentAttributes.SortKey, PaymentKeys.BeneficiarySkPrefix);

    /// <summary>A user's accounts (GSI2): the user's partition, account metadata rows.</summary>
    public static CursorScope AccountsOfUser(string userId) => new CursorScope()
        .Exactly(PaymentAttributes.Gsi2PartitionKey, PaymentKeys.UserPk(userId))
        .StartingWith(PaymentAttributes.Gsi2SortKey, PaymentKeys.AccountPkPrefix)
        .StartingWith(PaymentAttributes.PartitionKey, PaymentKeys.AccountPkPrefix)
        .Exactly(PaymentAttributes.SortKey, PaymentKeys.Metadata);
}
