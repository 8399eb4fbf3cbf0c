namespace Canary.Shopping;

/// <summary>
/// Every <see cref="CanaryOptions.Interval"/> (the first run too waits one interval, so the canary adds nothing to
/// start-up), one walk through the gateway, recorded as metrics, a log line and the run history. A failed run is a
/// data point: nothing leaves the loop but the host stopping.
/// </summary>
internal sealed class CanaryWorker(
    IServiceProvider services, CanaryRunHistory history, CanaryMetrics metrics, IOptions<CanaryOptions> options, TimeProvider time, ILogger<CanaryWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        GuestCart? cart = null;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var run = await RunOnceAsync(cart, stoppingToken);
                cart = run.Cart;
                var failuresInARow = history.Record(run, time.GetUtcNow());
                metrics.RunCompleted(run);
                if (run.Succeeded)
                {
                    CanaryLog.RunSucceeded(logger, (long)run.Elapsed.TotalMilliseconds, run.Cart?.CartId);
                }
                else
                {
                    CanaryLog.RunFailed(logger, run.Step, run.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none", (long)run.Elapsed.TotalMilliseconds, run.Failure, failuresInARow);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // the host is stopping
        }
    }

    private async Task<CanaryRun> RunOnceAsync(GuestCart? cart, CancellationToken stoppingToken)
    {
        var started = time.GetTimestamp();
        try
        {
            // A typed client per run: the factory rotates its handlers, so the gateway's address is looked up again.
            return await services.GetRequiredService<GatewayShopper>().WalkAsync(cart, stoppingToken);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            // The walk answers its own failures; anything else is one more failed run, not the end of the canary.
            return new CanaryRun("walk", null, $"{exception.GetType().Name}: {exception.Message}", time.GetElapsedTime(started), cart);
        }
    }
}
