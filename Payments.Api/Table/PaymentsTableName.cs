namespace Payments.Api.Table;

/// <summary>The physical name of the <c>payments</c> table in this deployment.</summary>
internal sealed class PaymentsTableName(IOptions<DynamoDbOptions> options)
{
    public string Value { get; } = options.Value.TableName(PaymentsTable.LogicalName);
}
