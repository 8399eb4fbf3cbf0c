namespace CircuitBreaking;

/// <summary>
/// Opens when, over the last <paramref name="window"/>, at least <paramref name="minimumCalls"/> calls ended and at
/// least <paramref name="share"/> of them failed. A burst of failures among many successes — slow calls timing out
/// together while others are answered — does not open it; a dependency that answers nothing does, once enough calls
/// have tried it. Outcomes are counted in ten slices of the window, so memory stays constant and the oldest slice
/// ages out as a whole.
/// </summary>
public sealed class FailureShareInWindow : ITripRule
{
    private const int Slices = 10;

    private readonly long _sliceTicks;
    private readonly int _minimumCalls;
    private readonly double _share;
    private readonly long[] _sliceNumber = new long[Slices];
    private readonly int[] _calls = new int[Slices];
    private readonly int[] _failures = new int[Slices];

    public FailureShareInWindow(TimeSpan window, int minimumCalls, double share)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.FromTicks(Slices));
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumCalls, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(share);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(share, 1.0);
        _sliceTicks = window.Ticks / Slices;
        _minimumCalls = minimumCalls;
        _share = share;
        Reset();
    }

    public void Record(bool failed, DateTimeOffset now)
    {
        var number = now.UtcTicks / _sliceTicks;
        var slice = (int)(number % Slices);
        if (_sliceNumber[slice] != number)
        {
            _sliceNumber[slice] = number;
            _calls[slice] = 0;
            _failures[slice] = 0;
        }

        _calls[slice]++;
        if (failed)
        {
            _failures[slice]++;
        }
    }

    public bool Trips(DateTimeOffset now)
    {
        var (calls, failures) = Counts(now);
        return calls >= _minimumCalls && failures >= _share * calls;
    }

    /// <summary>The calls and failures that ended within the window before <paramref name="now"/>.</summary>
    public (int Calls, int Failures) Counts(DateTimeOffset now)
    {
        var current = now.UtcTicks / _sliceTicks;
        int calls = 0, failures = 0;
        for (var slice = 0; slice < Slices; slice++)
        {
            if (_sliceNumber[slice] > current - Slices && _sliceNumber[slice] <= current)
            {
                calls += _calls[slice];
                failures += _failures[slice];
            }
        }

        return (calls, failures);
    }

    public void Reset()
    {
        Array.Fill(_sliceNumber, long.MinValue);
        Array.Clear(_calls);
        Array.Clear(_failures);
    }
}
