using Cart.Api.Catalog;
using Cart.Api.Checkout;
using Cart.Api.Slots;
using Cart.Api.Stock;

namespace Cart.Api.Carts;

/// <summary>Source-generated JSON metadata for the cart contracts, and the Payments.Api calls.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CartDocument))]
[JsonSerializable(typeof(CreateCartRequest))]
[JsonSerializable(typeof(CreateCartResponse))]
[JsonSerializable(typeof(AddItemRequest))]
[JsonSerializable(typeof(UpdateItemRequest))]
[JsonSerializable(typeof(AttachCartRequest))]
[JsonSerializable(typeof(MergeCartRequest))]
[JsonSerializable(typeof(CheckoutRequest))]
[JsonSerializable(typeof(CheckoutResponse))]
[JsonSerializable(typeof(PaymentRequest))]
[JsonSerializable(typeof(PaymentResponse))]
[JsonSerializable(typeof(PaymentProblem))]
[JsonSerializable(typeof(CategoryList))]
[JsonSerializable(typeof(ProductPage))]
[JsonSerializable(typeof(ProductDocument))]
[JsonSerializable(typeof(PriceChangeRequest))]
[JsonSerializable(typeof(SlotList))]
[JsonSerializable(typeof(SlotDocument))]
[JsonSerializable(typeof(SlotCapacityRequest))]
[JsonSerializable(typeof(StockDocument))]
[JsonSerializable(typeof(SetStockRequest))]
internal sealed partial class CartJsonContext : JsonSerializerContext;
