namespace CircuitBreaking;

/// <summary>
/// A circuit breaker: closed, calls go through and their outcomes feed the <see cref="ITripRule"/>; once the rule trips
/// it opens and refuses every call for <paramref name="breakDuration"/>; then one probe may go through. Any success
/// closes it (an answer, even a straggler's, proves the dependency answers again); the probe's failure opens it for
/// another break. Calls already on their way when it opened that fail during the break count for nothing and do not
/// extend it, so it is tried again one break after it opened, not one break after the last straggler.
/// </summary>
public sealed class CircuitBreaker(ITripRule rule, TimeSpan breakDuration, TimeProvider time)
{
    private readonly Lock _gate = new();
    private bool _open;
    private DateTimeOffset _openUntil = DateTimeOffset.MinValue;
    private bool _probing;

    /// <summary>True while calls are refused or the probe is out.</summary>
    public bool IsOpen
    {
        get
        {
            lock (_gate)
            {
                return _open && (_openUntil > time.GetUtcNow() || _probing);
            }
        }
    }

    /// <summary>True while the open circuit's probe is out.</summary>
    public bool ProbeOut
    {
        get
        {
            lock (_gate)
            {
                return _probing;
            }
        }
    }

    /// <summary>Whether a call may be made now, and whether it is the probe of an open circuit.</summary>
    public CircuitEntry Enter()
    {
        lock (_gate)
        {
            if (!_open)
            {
                return CircuitEntry.Closed;
            }

            var now = time.GetUtcNow();
            if (_openUntil > now)
            {
                return CircuitEntry.Refused(_openUntil - now);
            }

            if (_probing)
            {
                return CircuitEntry.Refused(breakDuration);
            }

            _probing = true;
            return CircuitEntry.Probe;
        }
    }

    /// <summary>
    /// The probe ended with no verdict (its caller gave up first): the next call becomes the probe. Without this a
    /// cancelled probe left the circuit open for good, refusing every call.
    /// </summary>
    public void AbandonProbe()
    {
        lock (_gate)
        {
            _probing = false;
        }
    }

    /// <summary>A call succeeded; true when that closed an open circuit.</summary>
    public bool RecordSuccess()
    {
        lock (_gate)
        {
            _probing = false;
            if (_open)
            {
                _open = false;
                rule.Reset();
                return true;
            }

            rule.Record(failed: false, time.GetUtcNow());
            return false;
        }
    }

    /// <summary>
    /// A call failed; true when that opened the circuit (or the failed probe opened it for another break). While the
    /// circuit is open only the probe's failure counts (<paramref name="probe"/>: the call entered as
    /// <see cref="CircuitEntry.Probe"/>): a call sent before it opened may fail long after — past the break, while the
    /// probe is out — and must neither open it again nor be taken for the probe.
    /// </summary>
    public bool RecordFailure(bool probe)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_open)
            {
                if (!probe)
                {
                    return false; // a straggler sent before it opened
                }

                _probing = false;
                _openUntil = now + breakDuration;
                return true;
            }

            rule.Record(failed: true, now);
            if (!rule.Trips(now))
            {
                return false;
            }

            _open = true;
            _openUntil = now + breakDuration;
            return true;
        }
    }
}
