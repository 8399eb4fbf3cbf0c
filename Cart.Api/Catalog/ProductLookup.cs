using Cart.Api.Model;
using Microsoft.Extensions.Caching.Memory;

namespace Cart.Api.Catalog;

/// <summary>
/// Products that price added and changed lines (a SKU not found is refused), kept in memory for a while
/// (<see cref="CartOptions.ProductLookupLifetime"/>): adding an item is the hot write path and the catalog changes rarely.
/// Unknown SKUs are remembered too. Checkout never
/// uses this: it re-prices every line from the table. A lifetime of zero reads the table every time.
/// </summary>
internal sealed class ProductLookup(Func<string, CancellationToken, Task<Product?>> find, TimeSpan lifetime) : IDisposable
{
    private const int MaxProducts = 100_000;

    private readonly MemoryCache _products = new(new MemoryCacheOptions { SizeLimit = MaxProducts });

    public async Task<Product?> FindAsync(string sku, CancellationToken cancellationToken)
    {
        if (lifetime <= TimeSpan.Zero)
        {
            return await find(sku, cancellationToken);
        }

        if (_products.TryGetValue(sku, out Product? product))
        {
            return product;
        }

        product = await find(sku, cancellationToken);
        _products.Set(sku, product, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime, Size = 1 });
        return product;
    }

    public void Dispose() => _products.Dispose();
}
