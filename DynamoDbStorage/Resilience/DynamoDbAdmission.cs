namespace DynamoDbStorage.Resilience;

/// <summary>
/// Admission control for this process's DynamoDB calls: at most <see cref="DynamoDbOptions.MaxCallsInFlight"/>
/// attempts in flight at once. An attempt that finds every slot taken waits up to
/// <see cref="DynamoDbOptions.AdmissionWait"/> for one, then is shed: the service answers 503 with <c>Retry-After</c>
/// at once. When DynamoDB answers more slowly than calls arrive (a cold DynamoDB Local, a throttled or slow table),
/// the excess is answered here instead of queueing inside DynamoDB, where every call behind it would wait until its
/// attempt timed out, and where calls the services gave up on would still be worked through after the cause is gone.
/// </summary>
public sealed class DynamoDbAdmission : IDisposable
{
    private readonly SemaphoreSlim _slots;
    private readonly TimeSpan _wait;
    private readonly TimeProvider _time;

    public DynamoDbAdmission(IOptions<DynamoDbOptions> options, TimeProvider time)
    {
        Capacity = options.Value.MaxCallsInFlight;
        _slots = new SemaphoreSlim(Capacity, Capacity);
        _wait = options.Value.AdmissionWait;
        _time = time;
    }

    /// <summary>The most attempts in flight at once.</summary>
    public int Capacity { get; }

    /// <summary>Attempts in flight now.</summary>
    public int InFlight => Capacity - _slots.CurrentCount;

    /// <summary>
    /// Takes a slot: true at once when one is free, else when one frees within the admission wait; false when none did
    /// (the attempt is shed). Every true must be matched by one <see cref="Exit"/>.
    /// </summary>
    public async ValueTask<bool> TryEnterAsync(CancellationToken cancellationToken)
    {
        if (_slots.Wait(0, CancellationToken.None))
        {
            return true; // the common case costs no allocation
        }

        using var waited = new CancellationTokenSource(_wait, _time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(waited.Token, cancellationToken);
        try
        {
            await _slots.WaitAsync(either.Token);
            return true;
        }
        catch (OperationCanceledException) when (waited.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Gives back the slot of an attempt that has ended.</summary>
    public void Exit() => _slots.Release();

    public void Dispose() => _slots.Dispose();
}
