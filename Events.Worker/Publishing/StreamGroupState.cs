namespace Events.Worker.Publishing;

/// <summary>
/// Where one consumer group of an event stream stands, as <c>XINFO STREAM</c>, <c>XINFO GROUPS</c> and <c>XPENDING</c>
/// report it: the stream's length, first and last entry and the largest id trimming (or <c>XDEL</c>) removed; the group's
/// last delivered id, Redis's own lag (nil where Redis cannot count it, after a trim across the group's unread entries
/// among others) and its oldest pending (delivered, not acknowledged) entry.
/// </summary>
internal sealed record StreamGroupState(
    string Stream,
    string Group,
    long StreamLength,
    StreamEntryId? FirstEntry,
    StreamEntryId? LastEntry,
    StreamEntryId MaxDeletedEntry,
    StreamEntryId LastDelivered,
    long? Lag,
    StreamEntryId? OldestPending)
{
    /// <summary>
    /// True when entries the group had not read were removed: something at or below <see cref="MaxDeletedEntry"/> lay
    /// after its last delivered id, and the stream now starts beyond that id.
    /// </summary>
    public bool LostUnread => MaxDeletedEntry > LastDelivered && (FirstEntry is not { } first || first > LastDelivered);

    /// <summary>True when an entry the group read but has not acknowledged is no longer in the stream (a claim gets nil).</summary>
    public bool LostPending => OldestPending is { } pending && (FirstEntry is not { } first || pending < first);

    /// <summary>
    /// The unread entries: none when the group has read to the stream's end; otherwise Redis's lag where it reports one,
    /// at most the stream's length (after a trim Redis can count entries that are gone: measured on 7.0, a group that had
    /// read everything but the trimmed entries it held pending reported 19,990); where Redis reports nil, the whole stream
    /// when the group is before it, and in between the share of the stream's time span the group has still to read.
    /// </summary>
    public long EstimatedLag
    {
        get
        {
            if (FirstEntry is not { } first || LastEntry is not { } last || LastDelivered >= last)
            {
                return 0;
            }

            if (Lag is { } lag)
            {
                return Math.Min(lag, StreamLength);
            }

            if (LastDelivered < first || last.Milliseconds == first.Milliseconds)
            {
                return StreamLength;
            }

            var unreadShare = (double)(last.Milliseconds - Math.Max(LastDelivered.Milliseconds, first.Milliseconds)) / (last.Milliseconds - first.Milliseconds);
            return (long)Math.Ceiling(StreamLength * unreadShare);
        }
    }
}
