using System.Collections.Concurrent;

namespace Cart.Api.Caching;

/// <summary>
/// Coalesces concurrent loads of the same key into one at a time per instance, so a cache miss under load (an expired
/// entry, a Redis outage) costs one database read per key instead of one per request: no stampede. A caller never takes
/// the result of a load that began before it arrived — that load may predate the caller's own write — it waits for the
/// next load, which starts when the running one ends and serves everyone who arrived meanwhile. The load runs on its own:
/// a caller that gives up (its token) leaves it running for the others.
/// </summary>
internal sealed class ReadCoalescer<T>
{
    private readonly ConcurrentDictionary<string, Flight> _flights = new(StringComparer.Ordinal);

    /// <summary>The result of a load of <paramref name="key"/> that began after this call; <paramref name="load"/> runs it if none is due.</summary>
    public Task<T> LoadAsync(string key, Func<string, Task<T>> load, CancellationToken cancellationToken)
    {
        while (true)
        {
            var flight = _flights.GetOrAdd(key, static _ => new Flight());
            TaskCompletionSource<T> result;
            lock (flight.Gate)
            {
                if (flight.Retired)
                {
                    continue; // it just ended and left the table: start or join a newer one
                }

                if (flight.Running is not null)
                {
                    flight.Next ??= NewResult();
                    return flight.Next.Task.WaitAsync(cancellationToken);
                }

                result = flight.Running = NewResult();
            }

            _ = RunAsync(key, flight, result, load);
            return result.Task.WaitAsync(cancellationToken);
        }
    }

    private async Task RunAsync(string key, Flight flight, TaskCompletionSource<T> result, Func<string, Task<T>> load)
    {
        await Task.Yield(); // the caller (and anyone else) gets its task before the load starts
        while (true)
        {
            try
            {
                result.TrySetResult(await load(key));
            }
            catch (Exception exception)
            {
                result.TrySetException(exception);
            }

            lock (flight.Gate)
            {
                if (flight.Next is null)
                {
                    flight.Running = null;
                    flight.Retired = true;
                    _flights.TryRemove(KeyValuePair.Create(key, flight));
                    return;
                }

                result = flight.Running = flight.Next;
                flight.Next = null;
            }
        }
    }

    private static TaskCompletionSource<T> NewResult() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class Flight
    {
        public Lock Gate { get; } = new();

        /// <summary>The load in progress.</summary>
        public TaskCompletionSource<T>? Running { get; set; }

        /// <summary>The load that starts when <see cref="Running"/> ends, for the callers that arrived during it.</summary>
        public TaskCompletionSource<T>? Next { get; set; }

        /// <summary>Ended and removed from the table; a caller that still found it must look again.</summary>
        public bool Retired { get; set; }
    }
}
