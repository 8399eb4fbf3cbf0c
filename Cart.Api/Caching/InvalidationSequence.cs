namespace Cart.Api.Caching;

/// <summary>
/// How far this replica has applied the invalidation channel: the last sequence number it received in order.
/// Unsynchronized (nothing proven) until <see cref="Synchronize"/> after a (re)subscription or a detected loss.
/// Readers wait here until every change announced before their read began has been applied (<see cref="WaitForAsync"/>).
/// </summary>
internal sealed class InvalidationSequence
{
    private const long Unsynchronized = -1;

    private readonly Lock _gate = new();
    private long _applied = Unsynchronized;
    private TaskCompletionSource _advanced = NewSignal();

    public bool IsSynchronized
    {
        get
        {
            lock (_gate)
            {
                return _applied != Unsynchronized;
            }
        }
    }

    /// <summary>True when <paramref name="sequence"/> is not the next number expected: messages in between were lost.</summary>
    public bool IsGap(long sequence)
    {
        lock (_gate)
        {
            return _applied != Unsynchronized && sequence > _applied + 1;
        }
    }

    /// <summary>Records that the message numbered <paramref name="sequence"/> has been applied (a number already passed changes nothing).</summary>
    public void Advance(long sequence) => Set(current => current == Unsynchronized ? current : Math.Max(current, sequence));

    /// <summary>From now on, everything up to <paramref name="sequence"/> counts as applied (the local tier was just emptied).</summary>
    public void Synchronize(long sequence) => Set(_ => sequence);

    /// <summary>Nothing is proven any more (the subscription dropped: messages may be lost until it is back).</summary>
    public void Desynchronize() => Set(_ => Unsynchronized);

    /// <summary>
    /// True once every message up to <paramref name="sequence"/> has been applied; false when the sequence is not
    /// synchronized, or <paramref name="timeout"/> passes first (the message is late or lost).
    /// </summary>
    public async Task<bool> WaitForAsync(long sequence, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            Task advanced;
            lock (_gate)
            {
                if (_applied == Unsynchronized)
                {
                    return false;
                }

                if (_applied >= sequence)
                {
                    return true;
                }

                advanced = _advanced.Task;
            }

            var remaining = deadline - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return false;
            }

            try
            {
                await advanced.WaitAsync(remaining, time, cancellationToken);
            }
            catch (TimeoutException)
            {
                return false;
            }
        }
    }

    private void Set(Func<long, long> next)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            _applied = next(_applied);
            signal = _advanced;
            _advanced = NewSignal();
        }

        signal.TrySetResult(); // waiters look again
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
