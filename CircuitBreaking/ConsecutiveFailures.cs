namespace CircuitBreaking;

/// <summary>
/// Opens after <paramref name="count"/> failures with no success between them: right where a failure is cheap and
/// unmistakable (a fail-fast Redis call), wrong where calls are slow and concurrent, since a burst of slow calls ends
/// in a row (see <see cref="FailureShareInWindow"/>).
/// </summary>
public sealed class ConsecutiveFailures(int count) : ITripRule
{
    private int _failures;

    public void Record(bool failed, DateTimeOffset now) => _failures = failed ? _failures + 1 : 0;

    public bool Trips(DateTimeOffset now) => _failures >= count;

    public void Reset() => _failures = 0;
}
