namespace Events.Worker.Publishing;

/// <summary>A Redis stream entry id, <c>&lt;milliseconds&gt;-&lt;sequence&gt;</c>, ordered as Redis orders them.</summary>
internal readonly record struct StreamEntryId(ulong Milliseconds, ulong Sequence) : IComparable<StreamEntryId>
{
    public static readonly StreamEntryId Zero = new(0, 0);

    /// <summary>The id, or null for anything that is not one (an absent field, an empty stream's nil).</summary>
    public static StreamEntryId? Parse(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        var dash = id.IndexOf('-', StringComparison.Ordinal);
        var milliseconds = dash < 0 ? id : id[..dash];
        var sequence = dash < 0 ? "0" : id[(dash + 1)..];
        return ulong.TryParse(milliseconds, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
               && ulong.TryParse(sequence, NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
            ? new StreamEntryId(ms, seq)
            : null;
    }

    public int CompareTo(StreamEntryId other) =>
        Milliseconds != other.Milliseconds ? Milliseconds.CompareTo(other.Milliseconds) : Sequence.CompareTo(other.Sequence);

    public static bool operator <(StreamEntryId left, StreamEntryId right) => left.CompareTo(right) < 0;

    public static bool operator >(StreamEntryId left, StreamEntryId right) => left.CompareTo(right) > 0;

    public static bool operator <=(StreamEntryId left, StreamEntryId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(StreamEntryId left, StreamEntryId right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Milliseconds}-{Sequence}");
}
