using Cart.Api.Model;
using Cart.Api.Storage;

namespace Cart.Api.Checkout;

/// <summary>
/// Releases checkout holds that expired unpaid, without waiting for another checkout to need their place: every
/// <see cref="HoldSweeperOptions.Interval"/> it queries the minutes that passed since the shared checkpoint for hold
/// markers (<see cref="HoldMarkers"/>), reads each marker's cart, and when the cart still holds that hold unpaid
/// (CHECKING_OUT, payment PENDING) reopens it and returns its slot place and stock in one transaction guarded by the
/// cart's version — the same release as a declined payment, so <c>slot.released</c> and <c>stock.released</c> follow.
/// A payment that starts at the same moment moves the version (and confirms the booking), so exactly one of the two
/// commits: a hold whose payment started is never released. Markers whose cart moved on are deleted.
/// </summary>
internal sealed partial class HoldSweeper(
    HoldMarkerStore markers,
    CartStore carts,
    CheckoutReleases releases,
    IOptions<HoldSweeperOptions> options,
    TimeProvider time,
    ILogger<HoldSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(logger, exception); // DynamoDB unavailable or throttling: the next tick starts from the same checkpoint
            }
        }
    }

    /// <summary>One sweep: every minute from the checkpoint up to now, and the checkpoint moved past those left empty.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var nowSeconds = now.ToUnixTimeSeconds();
        var current = HoldMarkers.MinuteOf(nowSeconds);
        var lookbackMinutes = (long)options.Value.Lookback.TotalMinutes;
        var first = (await markers.SweptThroughAsync(cancellationToken) ?? current - lookbackMinutes) + 1;
        var last = Math.Min(current, first + options.Value.MaxMinutesPerSweep - 1);

        var released = 0;
        long? sweptThrough = null;
        var blocked = false;
        for (var minute = first; minute <= last; minute++)
        {
            var left = 0;
            foreach (var marker in await markers.ExpiredAsync(minute, nowSeconds, cancellationToken))
            {
                switch (await SweepAsync(marker, now, cancellationToken))
                {
                    case Swept.Released:
                        released++;
                        break;
                    case Swept.Left:
                        left++;
                        break;
                }
            }

            // A minute still running may gain markers; one with a marker left is looked at again next time, unless it is
            // older than the look-back: a hold that cannot be released stops holding up the sweep (reads still skip it).
            blocked |= minute == current || (left > 0 && minute > current - lookbackMinutes);
            if (!blocked)
            {
                sweptThrough = minute;
            }
        }

        if (sweptThrough is { } through)
        {
            await markers.AdvanceAsync(through, now.ToUtcTimestamp(), cancellationToken);
        }

        if (released > 0)
        {
            LogReleased(logger, released);
        }

        return released;
    }

    private async Task<Swept> SweepAsync(HoldMarker marker, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cart = await carts.LoadAsync(marker.CartId, cancellationToken);
        if (cart?.Header is not { Status: CartStatus.CheckingOut, Payment.Status: PaymentStatus.Pending, Hold: { } hold } || hold.ExpiresAt != marker.ExpiresAt)
        {
            await markers.DeleteAsync(marker, cancellationToken); // paid for, released already, or the cart is gone
            return Swept.Stale;
        }

        if (!hold.IsExpiredAt(now))
        {
            return Swept.Left;
        }

        if (await releases.ReopenAsync(cart, expiredBy: now.ToUnixTimeSeconds(), cancellationToken))
        {
            LogHoldReleased(logger, marker.CartId, hold.Slot?.ToString(), hold.Reservations.Sum(take => take.Qty));
            return Swept.Released;
        }

        return Swept.Left; // the cart moved first (its payment started, or a retry released it): looked at again next time
    }

    private enum Swept
    {
        Released,
        Stale,
        Left,
    }

    [LoggerMessage(EventId = 140, Level = LogLevel.Information, Message = "Released the expired checkout hold of cart {CartId} (slot {SlotId}, {Units} units of stock)")]
    private static partial void LogHoldReleased(ILogger logger, string cartId, string? slotId, int units);

    [LoggerMessage(EventId = 141, Level = LogLevel.Information, Message = "Hold sweep released {Count} expired checkout holds")]
    private static partial void LogReleased(ILogger logger, int count);

    [LoggerMessage(EventId = 142, Level = LogLevel.Warning, Message = "Hold sweep failed; the next one starts from the same checkpoint")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
