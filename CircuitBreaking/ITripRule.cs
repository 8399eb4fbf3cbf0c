namespace CircuitBreaking;

/// <summary>
/// When a closed <see cref="CircuitBreaker"/> opens, judged from the outcomes of its calls. The breaker calls it under
/// its own lock, so a rule needs none.
/// </summary>
public interface ITripRule
{
    /// <summary>A call ended at <paramref name="now"/>: answered (<paramref name="failed"/> false) or not.</summary>
    void Record(bool failed, DateTimeOffset now);

    /// <summary>True when the outcomes recorded so far say the circuit should open.</summary>
    bool Trips(DateTimeOffset now);

    /// <summary>Forgets every outcome: the circuit has closed again.</summary>
    void Reset();
}
