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
/// </remarks>
public sealed class DynamoDbAdmission : IDisposable
{
    private readonly ConcurrencyLimiter _slots;
    private readonly TimeSpan _wait;
    private readonly TimeProvider _time;

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

    /// <summary>Attempts in flight now.</summary>
    public int InFlight => Capacity - (int)(_slots.GetStatistics()?.CurrentAvailablePermits ?? Capacity);

    /// <summary>
    /// A slot, held until the returned lease is disposed: at once when one is free, else when one frees within the wait
    /// and the queue had room; null when not (the attempt is shed).
    /// </summary>
    public async ValueTask<IDisposable?> TryEnterAsync(CancellationToken cancellationToken)
    {
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

    public void Dispose() => _slots.Dispose();
}
