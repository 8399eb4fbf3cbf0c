namespace CircuitBreaking;

/// <summary>
/// What a <see cref="CircuitBreaker"/> says to a call: go (<see cref="Allowed"/>), go as the one probe of an open
/// circuit (<see cref="IsProbe"/>), or stay away for <see cref="RetryAfter"/>.
/// </summary>
public readonly record struct CircuitEntry(bool Allowed, bool IsProbe, TimeSpan RetryAfter)
{
    public static CircuitEntry Closed => new(Allowed: true, IsProbe: false, TimeSpan.Zero);

    public static CircuitEntry Probe => new(Allowed: true, IsProbe: true, TimeSpan.Zero);

    public static CircuitEntry Refused(TimeSpan retryAfter) => new(Allowed: false, IsProbe: false, retryAfter);
}
