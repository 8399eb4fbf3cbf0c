using Cart.Api.Caching;
using Cart.Api.Carts;
using Cart.Api.Catalog;
using Cart.Api.Checkout;
using Cart.Api.Contracts;
using Cart.Api.Storage;
using DynamoDbStorage.Telemetry;
using Idempotency;

namespace Cart.Api.Extensions;

internal static class Extensions
{
    /// <summary>Everything Cart.Api needs: the carts table, catalog, delivery slots and stock, Redis, idempotency, Payments.Api, options, JSON metadata, OpenAPI.</summary>
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDynamoDbClient();
        builder.AddDynamoDbTable(CartTable.Definition);
        builder.AddFailFastRedisClient("redis");
        builder.Services.AddIdempotency();
        builder.Services.AddApiDocument();
        builder.AddTelemetrySources(CartCacheMetrics.MeterName, DynamoDbMetrics.MeterName);

        builder.Services.AddOptions<CartOptions>()
            .BindConfiguration(CartOptions.SectionName)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<CartOptions>, CartOptionsValidator>();

        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, CartJsonContext.Default);
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });

        builder.Services.AddOptions<CatalogOptions>().BindConfiguration(CatalogOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<CatalogOptions>, CatalogOptionsValidator>();
        builder.Services.AddSingleton<CatalogStore>();
        builder.Services.AddSingleton(services => new ProductLookup(
            services.GetRequiredService<CatalogStore>().FindProductAsync,
            services.GetRequiredService<IOptions<CartOptions>>().Value.ProductLookupLifetime));
        builder.Services.AddSingleton<CatalogListings>();
        builder.Services.AddSingleton<CatalogSeeder>();
        builder.Services.AddHostedService(services => services.GetRequiredService<CatalogSeeder>());
        builder.Services.AddHealthChecks().AddCheck<CatalogSeeder>("catalog", HealthStatus.Unhealthy);

        builder.Services.AddSingleton<CartStore>();
        builder.Services.AddSingleton<CacheBreaker>();
        builder.Services.AddSingleton<CartCache>();
        builder.Services.AddSingleton<CartCacheMetrics>();
        builder.Services.AddSingleton<LocalCartCache>();
        builder.Services.AddSingleton<InvalidationSequence>();
        builder.Services.AddSingleton<CartInvalidations>();
        builder.Services.AddHostedService(services => services.GetRequiredService<CartInvalidations>());
        builder.Services.AddSingleton<CartReader>();
        builder.Services.AddSingleton<CartWriteGate>();
        builder.Services.AddSingleton<CartMutations>();
        builder.Services.AddSingleton<CartService>();
        builder.Services.AddSingleton<CartMerges>();
        builder.Services.AddSingleton<SlotStore>();
        builder.Services.AddSingleton<StockStore>();
        builder.Services.AddSingleton<StockSeeding>();
        builder.Services.AddOptions<SeedStockOptions>().BindConfiguration(SeedStockOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SeedStockOptions>, SeedStockOptionsValidator>();
        builder.Services.AddSingleton<CheckoutHolds>();
        builder.Services.AddSingleton<HoldCommits>();
        builder.Services.AddSingleton<CheckoutReleases>();
        builder.Services.AddSingleton<SlotReclaimer>();
        builder.Services.AddSingleton<CheckoutService>();
        builder.Services.AddOptions<HoldSweeperOptions>().BindConfiguration(HoldSweeperOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<HoldSweeperOptions>, HoldSweeperOptionsValidator>();
        builder.Services.AddSingleton<HoldMarkerStore>();
        builder.Services.AddHostedService<HoldSweeper>();

        // Service discovery resolves http://payments-api; ServiceDefaults adds the standard resilience handler.
        builder.Services.AddHttpClient<PaymentsClient>(client => client.BaseAddress = new Uri("http://payments-api"));
    }
}
