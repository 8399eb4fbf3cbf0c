using Cart.Api.Carts;
using Cart.Api.Catalog;
using Cart.Api.Storage;

namespace Cart.Api.Apis;

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
