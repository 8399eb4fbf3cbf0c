namespace Cart.Api.Carts;

/// <summary>Source-generated JSON metadata for the cart contracts and the cached cart document.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CartDocument))]
[JsonSerializable(typeof(CreateCartRequest))]
[JsonSerializable(typeof(CreateCartResponse))]
[JsonSerializable(typeof(AddItemRequest))]
internal sealed partial class CartJsonContext : JsonSerializerContext;
