using Cart.Api.Model;
using Cart.Api.Storage;

namespace Cart.Api.Catalog;

/// <summary>
/// Seeds the development catalog (categories, products, promotions), their stock, and the next two weeks of delivery slots once the
/// table is active; <c>/health</c> stays unhealthy until it is done.
/// </summary>
internal sealed partial class CatalogSeeder(
    CatalogStore catalog,
    SlotStore slots,
    StockSeeding stock,
    IOptions<SeedStockOptions> seedStock,
    IOptions<CatalogOptions> catalogOptions,
    IAmazonDynamoDB dynamoDb,
    IOptions<CartOptions> options,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<CatalogSeeder> logger) : BackgroundService, IHealthCheck
{
    private volatile bool _ready;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_ready ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The catalog is being seeded."));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!(options.Value.SeedCatalog ?? environment.IsDevelopment()))
        {
            _ready = true;
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var table = await dynamoDb.DescribeTableAsync(catalog.TableName, stoppingToken);
                if (table.Table.TableStatus == TableStatus.ACTIVE && await TrySeedAsync(stoppingToken))
                {
                    _ready = true;
                    ReturnTheSeedsMemory();
                    return;
                }
            }
            catch (ResourceNotFoundException)
            {
                // The provisioner has not created the table yet.
            }
            catch (Exception exception) when (DynamoDbFailures.IsTransient(exception))
            {
                // DynamoDB slow, throttling or not answering while everything starts: seeding is idempotent, so try again.
                LogSeedingFailed(logger, exception);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), time, stoppingToken);
        }
    }

    /// <summary>
    /// Seeding is a one-off burst (3,000 products and their batches, two weeks of slots, the stock plan) after which the
    /// GC kept its heap grown for the life of the process: about 25 MB more resident per replica than one that does not
    /// seed, as production replicas do not (measured 175 against 150 MB idle). One aggressive collection gives the free
    /// space back to the system; it is what that mode is for.
    /// </summary>
    private static void ReturnTheSeedsMemory() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    /// <summary>The catalog, the delivery slots and the stock; false while another instance is writing the catalog.</summary>
    private async Task<bool> TrySeedAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var seeded = await catalog.SeedIfAbsentAsync(catalogOptions.Value.Currency, now, cancellationToken);
        if (seeded == CatalogSeeding.InProgressElsewhere)
        {
            return false;
        }

        await slots.SeedAsync(SlotSeed.Slots(DateOnly.FromDateTime(now.UtcDateTime), options.Value.DeliverySlotLength, now.ToUtcTimestamp()), now.ToUtcTimestamp(), cancellationToken);
        LogSeeded(logger, seeded);
        var stocked = await stock.SeedAsync(SeedStock.Plan(CatalogSeed.Skus(), seedStock.Value), now.ToUtcTimestamp(), cancellationToken);
        LogStocked(logger, stocked);
        return true;
    }

    [LoggerMessage(EventId = 130, Level = LogLevel.Information, Message = "Catalog seed checked: {Seeding}")]
    private static partial void LogSeeded(ILogger logger, CatalogSeeding seeding);

    [LoggerMessage(EventId = 132, Level = LogLevel.Warning, Message = "Seeding the catalog failed; trying again")]
    private static partial void LogSeedingFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 131, Level = LogLevel.Information, Message = "Seed stock checked (SKUs stocked now: {Stocked})")]
    private static partial void LogStocked(ILogger logger, int stocked);
}
