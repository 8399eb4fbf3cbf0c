using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DynamoDbStreams.Processing;

/// <summary>
/// Reads the streams of the configured tables, the way Lambda's event-source mapping and the KCL do: discovers
/// shards, keeps one lease per shard in DynamoDB, runs one consumer per held lease (parents before children, and a
/// table's replaced stream, while it is listed, to its end before the stream that replaced it),
/// checkpoints after every batch, hands leases over on request and releases them on shutdown; deletes the leases of
/// streams no longer listed once nobody holds them.
/// </summary>
public sealed class StreamsWorker : BackgroundService
{
    private readonly ShardProgress _progress;
    private readonly TimeProvider _time;
    private readonly ILogger<StreamsWorker> _logger;
    private readonly StreamsWorkerOptions _options;
    private readonly ShardConsumers _consumers;
    private readonly StreamDiscovery _discovery;
    private readonly LeaseRenewal _renewal;
    private readonly UnlistedLeaseSweep _sweep;
    private readonly LeaseBalancer _balancer;

    public StreamsWorker(
        IDynamoDbStreamsClient streams,
        LeaseTable leases,
        IShardRecordProcessor processor,
        IEnumerable<StreamSource> sources,
        IOptions<StreamsWorkerOptions> options,
        ShardProgress progress,
        TimeProvider time,
        ILogger<StreamsWorker> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        (_progress, _time, _logger, _options) = (progress, time, logger, options.Value);
        var known = new KnownStreams();
        _consumers = new ShardConsumers(streams, leases, processor, known, _options, progress, time, logger);
        _discovery = new StreamDiscovery(streams, leases, sources, known, _options, progress, time, logger);
        _renewal = new LeaseRenewal(leases, _consumers, _options, time, logger);
        _sweep = new UnlistedLeaseSweep(leases, _consumers, _options, time, logger);
        _balancer = new LeaseBalancer(leases, _consumers, known, _options, time, logger);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunCycleAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception) when (DynamoDbFailure.IsTransient(exception))
            {
                if (exception is StreamsServiceException or HttpRequestException)
                {
                    _progress.StreamsFailed(exception);
                }

                StreamsLog.CycleFailed(_logger, exception);
            }

            _progress.LoopTurned();
            try
            {
                await Task.Delay(_options.RenewInterval, _time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        StreamsLog.Released(_logger, _options.WorkerId, await _consumers.StopAllAsync());
    }

    /// <summary>
    /// One turn: forget stopped consumers, discover when due, renew what is held, delete what discovery found unlisted
    /// (after the renewals, which must not wait behind it), take or ask for more.
    /// </summary>
    private async Task RunCycleAsync(CancellationToken stoppingToken)
    {
        if (await _consumers.ReapAsync())
        {
            // When it was the stream that vanished, the table's current one is read without waiting.
            _discovery.RunSoon();
        }

        var listing = await _discovery.DiscoverWhenDueAsync(stoppingToken);
        await _renewal.RenewAsync(stoppingToken);
        if (listing is not null)
        {
            await _sweep.SweepAsync(listing, stoppingToken);
        }

        await _balancer.BalanceAsync(stoppingToken);
    }
}
