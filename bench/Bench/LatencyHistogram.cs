namespace Bench;

/// <summary>
/// A log-linear histogram of latencies in microseconds (64 sub-buckets per power of two, under 1.6 % error),
/// lock-free to record into from many requests at once — the HdrHistogram idea in a few lines.
/// </summary>
public sealed class LatencyHistogram
{
    private const int SubBuckets = 64;
    private const int Powers = 40;
    private readonly long[] _counts = new long[Powers * SubBuckets];
    private long _total;
    private long _max;

    public long Count => Interlocked.Read(ref _total);

    public void Record(TimeSpan latency)
    {
        var micros = Math.Max(1, (long)latency.TotalMicroseconds);
        Interlocked.Increment(ref _counts[IndexOf(micros)]);
        Interlocked.Increment(ref _total);
        long seen;
        while (micros > (seen = Interlocked.Read(ref _max)) && Interlocked.CompareExchange(ref _max, micros, seen) != seen)
        {
        }
    }

    /// <summary>The latency below which <paramref name="percentile"/> % of the recorded values fall.</summary>
    public TimeSpan Percentile(double percentile)
    {
        var total = Count;
        if (total == 0)
        {
            return TimeSpan.Zero;
        }

        var rank = (long)Math.Ceiling(percentile / 100 * total);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += Interlocked.Read(ref _counts[i]);
            if (seen >= rank)
            {
                return TimeSpan.FromMicroseconds(Math.Min(UpperBoundOf(i), Interlocked.Read(ref _max)));
            }
        }

        return TimeSpan.FromMicroseconds(Interlocked.Read(ref _max));
    }

    public TimeSpan Max => TimeSpan.FromMicroseconds(Interlocked.Read(ref _max));

    internal static int IndexOf(long micros)
    {
        if (micros < SubBuckets)
        {
            return (int)micros;
        }

        var power = 63 - (int)long.LeadingZeroCount(micros); // micros in [2^power, 2^(power+1))
        var shift = power - 6; // keep the top 6 bits below the leading one as the sub-bucket
        var sub = (int)((micros >> shift) & (SubBuckets - 1));
        return Math.Min(((power - 5) * SubBuckets) + sub, (Powers * SubBuckets) - 1);
    }

    internal static long UpperBoundOf(int index)
    {
        if (index < SubBuckets)
        {
            return index;
        }

        var power = (index / SubBuckets) + 5;
        var sub = index % SubBuckets;
        var shift = power - 6;
        return ((SubBuckets + (long)sub + 1) << shift) - 1;
    }
}
