using static DynamoDbStorage.AttributeValues;

namespace Payments.Api.Storage;

/// <summary>Writes <see cref="AccountRule"/>s as a condition expression on the account item: the rules' only translation to DynamoDB.</summary>
internal static class AccountConditions
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["#pk"] = PaymentAttributes.PartitionKey,
        ["#balance"] = PaymentAttributes.Balance,
        ["#version"] = PaymentAttributes.Version,
        ["#updatedAt"] = PaymentAttributes.UpdatedAt,
        ["#status"] = PaymentAttributes.Status,
        ["#currency"] = PaymentAttributes.Currency,
        ["#user"] = PaymentAttributes.UserId,
    };

    /// <summary>The rules joined with AND, their values added to <paramref name="values"/>.</summary>
    public static string Of(IEnumerable<AccountRule> rules, Dictionary<string, AttributeValue> values) =>
        string.Join(" AND ", rules.Select(rule => Clause(rule, values)));

    /// <summary>The attribute names the expressions use (DynamoDB refuses names an expression does not use).</summary>
    public static Dictionary<string, string> NamesUsedIn(params string[] expressions) =>
        Names.Where(name => expressions.Any(expression => Regex.IsMatch(expression, Regex.Escape(name.Key) + @"\b")))
            .ToDictionary(name => name.Key, name => name.Value, StringComparer.Ordinal);

    private static string Clause(AccountRule rule, Dictionary<string, AttributeValue> values)
    {
        switch (rule)
        {
            case AccountRule.IsActive:
                values[":active"] = S(AccountStatus.Active);
                return "#status = :active";
            case AccountRule.IsNotClosed:
                values[":closed"] = S(AccountStatus.Closed);
                return "#status <> :closed";
            case AccountRule.HoldsCurrency holds:
                values[":currency"] = S(holds.Currency);
                return "#currency = :currency";
            case AccountRule.Covers covers:
                values[":covered"] = N(covers.Amount);
                return "#balance >= :covered";
            case AccountRule.StaysWithinCeiling ceiling:
                values[":ceiling"] = N(ceiling.HighestBalanceBefore);
                return "#balance <= :ceiling";
            case AccountRule.IsEmpty:
                values[":zero"] = N(0);
                return "#balance = :zero";
            case AccountRule.IsAtVersion atVersion:
                values[":version"] = N(atVersion.Version);
                return "#version = :version";
            default:
                throw new UnreachableException($"No condition for {rule.GetType().Name}.");
        }
    }
}
