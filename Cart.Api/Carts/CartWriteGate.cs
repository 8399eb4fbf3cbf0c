namespace Cart.Api.Carts;

/// <summary>
/// Queues this instance's writers of the same cart one behind the other (striped by cart id), so that many
/// concurrent writes to one cart do not all read the same version and lose the race to each other. It is only an
/// optimisation: correctness still rests on the version condition, which also settles races between instances.
/// </summary>
internal sealed class CartWriteGate : IDisposable
{
    private const int Stripes = 256;
    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task<IDisposable> EnterAsync(string cartId, CancellationToken cancellationToken)
    {
        var stripe = _stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(cartId) % Stripes)];
        await stripe.WaitAsync(cancellationToken);
        return new Release(stripe);
    }

    public void Dispose()
    {
        foreach (var stripe in _stripes)
        {
            stripe.Dispose();
        }
    }

    private sealed class Release(SemaphoreSlim stripe) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                stripe.Release();
            }
        }
    }
}
