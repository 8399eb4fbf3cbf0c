using Payments.Api.Accounts;

namespace Payments.Api;

/// <summary>Source-generated JSON metadata for the Payments.Api contracts.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateAccountRequest))]
[JsonSerializable(typeof(AccountResponse))]
internal sealed partial class PaymentsJsonContext : JsonSerializerContext;
