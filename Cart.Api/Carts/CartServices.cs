using Cart.Api.Catalog;

namespace Cart.Api.Carts;

/// <summary>The services cart endpoints use, bound with <c>[AsParameters]</c>.</summary>
internal sealed record CartServices(
    CartStore Store,
    CartReader Reader,
    CartMutations Mutations,
    CatalogStore Catalog,
    ProductLookup Products,
    TimeProvider Time,
    IOptions<CartOptions> Options,
    ILogger<CartServices> Logger);
