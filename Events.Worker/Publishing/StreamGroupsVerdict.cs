namespace Events.Worker.Publishing;

/// <summary>
/// The pure decision behind <see cref="StreamGroupsLagHealthCheck"/>: degraded when a consumer group has lost entries to
/// the stream's cap (<c>XADD … MAXLEN ~</c> trims what no group has read or acknowledged yet) or is about to — its lag
/// past <see cref="LagThreshold"/> of the cap — and healthy otherwise.
/// </summary>
internal static class StreamGroupsVerdict
{
    /// <summary>The share of <see cref="EventsOptions.MaxStreamLength"/> a group may lag before the worker says so.</summary>
    public const double LagThreshold = 0.8;

    public static HealthCheckResult Assess(IReadOnlyList<StreamGroupState> groups, long maxStreamLength, HealthStatus failureStatus)
    {
        var data = groups.ToDictionary(g => $"lag:{g.Stream}:{g.Group}", g => (object)g.EstimatedLag, StringComparer.Ordinal);
        var lost = groups.Where(g => g.LostUnread || g.LostPending).ToList();
        if (lost.Count > 0)
        {
            return new HealthCheckResult(
                failureStatus,
                string.Join(" ", lost.Select(g => $"Consumer group {g.Group} of {g.Stream} has lost events: the stream's cap " +
                    $"({maxStreamLength}) trimmed {(g.LostUnread ? $"entries it had not read (it had read to {g.LastDelivered}, the stream now starts at {g.FirstEntry?.ToString() ?? "nothing"})" : $"entries it had read but not acknowledged (from {g.OldestPending})")}.")) +
                    " Re-feed it from the audit archive (payments) or the source table (Events.Worker/README.md, \"Consumer groups and the stream cap\").",
                data: data);
        }

        var threshold = (long)Math.Ceiling(maxStreamLength * LagThreshold);
        var behind = groups.Where(g => g.EstimatedLag >= threshold).ToList();
        if (behind.Count > 0)
        {
            return new HealthCheckResult(
                failureStatus,
                string.Join(" ", behind.Select(g => $"Consumer group {g.Group} of {g.Stream} lags {g.EstimatedLag} entries behind;")) +
                $" past {threshold} ({LagThreshold:P0} of the cap, {maxStreamLength}) the oldest unread events are about to be trimmed.",
                data: data);
        }

        return HealthCheckResult.Healthy(
            groups.Count == 0 ? "No consumer group reads the event streams." : $"Every consumer group is within {threshold} entries of its stream's end.",
            data);
    }
}
