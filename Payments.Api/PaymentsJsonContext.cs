namespace Payments.Api;

/// <summary>Source-generated JSON metadata for the Payments.Api contracts (and the bodies stored under idempotency keys).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateAccountRequest))]
[JsonSerializable(typeof(AccountResponse))]
[JsonSerializable(typeof(AccountPage))]
[JsonSerializable(typeof(DepositRequest))]
[JsonSerializable(typeof(PaymentRequest))]
[JsonSerializable(typeof(RefundRequest))]
[JsonSerializable(typeof(TransactionResponse))]
[JsonSerializable(typeof(TransactionPage))]
[JsonSerializable(typeof(AuditPage))]
[JsonSerializable(typeof(BeneficiaryRequest))]
[JsonSerializable(typeof(BeneficiaryResponse))]
[JsonSerializable(typeof(BeneficiaryList))]
[JsonSerializable(typeof(FraudEventRequest))]
[JsonSerializable(typeof(FraudEventResponse))]
[JsonSerializable(typeof(FraudEventList))]
internal sealed partial class PaymentsJsonContext : JsonSerializerContext;
