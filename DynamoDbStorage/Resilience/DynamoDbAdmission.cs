using System.Threading.RateLimiting;

namespace DynamoDbStorage.Resilience;

/// <summary>
/// Admission control for this process's DynamoDB calls: at most <see cref="DynamoDbOptions.MaxCallsInFlight"/>
/// attempts in flight at once, and at most <see cref="DynamoDbOptions.MaxCallsQueued"/> waiting for a slot, each for at
/// most <see cref="DynamoDbOptions.AdmissionWait"/>. A call beyond the queue, or still waiting at the end, is shed: the
/// service answers 503 with <c>Retry-After</c> at once. When DynamoDB answers more slowly than calls arrive (a cold
/// DynamoDB Local, a throttled or slow table), the excess is answered here instead of queueing inside DynamoDB, where
/// every call behind it would wait until its attempt timed out, and where calls the services gave up on would still be
/// worked through after the cause is gone.
/// </summary>
/// <remarks>
/// The queue's length, not the wait alone, is what sheds under overload: a queue that only ever grows (open-loop load
/// faster than DynamoDB answers, clients retrying what timed out) is cut at its limit at once, while a burst or a
/// crowd of clients each waiting for its answer (a closed loop) stays within it and is served. Measured with the
/// resilience suite: a cold platform under steady load stayed overloaded for minutes without admission control, and
/// with a 5 s wait and no queue limit; a test's 300 concurrent buyers needed the 5 s wait.
/// <para>
/// Load is shed at the door, never in the middle of work: calls made inside <see cref="FinishingWork"/> (giving back
/// an Idempotency-Key's claim, recording an outcome, paying for and settling a checkout that holds stock, returning a
/// hold) are admitted at once, beyond the cap. Shed, they would keep alive what the cap exists to end — measured: a flash
/// sale shed part-way left 36 of 100 units held by checkouts whose keys stayed claimed, and sold 64.
/// </para>
/// </remarks>
public sealed class DynamoDbAdmission : IDisposable
{
    private readonly ConcurrencyLimiter _slots;
    private readonly TimeSpan _wait;
    private readonly TimeProvider _time;
    private readonly AsyncLocal<bool> _finishing = new();
    private int _finishingInFlight;

    public DynamoDbAdmission(IOptions<DynamoDbOptions> options, TimeProvider time)
    {
        Capacity = options.Value.MaxCallsInFlight;
        _slots = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = Capacity,
            QueueLimit = options.Value.MaxCallsQueued,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        _wait = options.Value.AdmissionWait;
        _time = time;
    }

    /// <summary>The most attempts in flight at once.</summary>
    public int Capacity { get; }

    /// <summary>Attempts in flight now, those finishing work beyond the cap included.</summary>
    public int InFlight => Capacity - (int)(_slots.GetStatistics()?.CurrentAvailablePermits ?? Capacity) + Volatile.Read(ref _finishingInFlight);

    /// <summary>
    /// Until the returned scope is disposed, the calls this flow makes (awaited calls included) finish work already
    /// begun, and are never shed: they take a free slot if there is one, and go beyond the cap if not.
    /// </summary>
    public IDisposable FinishingWork()
    {
        var outer = _finishing.Value;
        _finishing.Value = true;
        return new FinishingScope(this, outer);
    }

    /// <summary>
    /// A slot, held until the returned lease is disposed: at once when one is free, else when one frees within the wait
    /// and the queue had room; null when not (the attempt is shed). Inside <see cref="FinishingWork"/>, never null.
    /// </summary>
    public async ValueTask<IDisposable?> TryEnterAsync(CancellationToken cancellationToken)
    {
        if (_finishing.Value)
        {
            return EnterFinishing();
        }

        var lease = _slots.AttemptAcquire();
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            using var waited = new CancellationTokenSource(_wait, _time);
            using var either = CancellationTokenSource.CreateLinkedTokenSource(waited.Token, cancellationToken);
            try
            {
                lease = await _slots.AcquireAsync(1, either.Token);
            }
            catch (OperationCanceledException) when (waited.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                return null;
            }
        }

        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose(); // the queue was full
        return null;
    }

    private IDisposable EnterFinishing()
    {
        var lease = _slots.AttemptAcquire();
        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        Interlocked.Increment(ref _finishingInFlight);
        return new BeyondCap(this);
    }

    public void Dispose() => _slots.Dispose();

    private sealed class FinishingScope(DynamoDbAdmission admission, bool outer) : IDisposable
    {
        public void Dispose() => admission._finishing.Value = outer;
    }

    private sealed class BeyondCap(DynamoDbAdmission admission) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref admission._finishingInFlight);
            }
        }
    }
}
