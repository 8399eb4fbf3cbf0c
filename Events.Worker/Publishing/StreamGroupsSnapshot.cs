namespace Events.Worker.Publishing;

/// <summary>
/// The latest look at the event streams' consumer groups (<see cref="StreamGroupsMonitor"/>), read by the health check
/// and the lag gauge so neither asks Redis itself.
/// </summary>
internal sealed class StreamGroupsSnapshot
{
    private volatile Sample? _latest;

    /// <summary>What the last look found, or null before the first one.</summary>
    public Sample? Latest => _latest;

    public void Taken(IReadOnlyList<StreamGroupState> groups, DateTimeOffset at) => _latest = new Sample(groups, at, null);

    public void Failed(Exception error, DateTimeOffset at) => _latest = new Sample(_latest?.Groups ?? [], at, error);

    /// <summary>The groups as last read, when, and the error of the last look if it failed (the groups are then the previous look's).</summary>
    internal sealed record Sample(IReadOnlyList<StreamGroupState> Groups, DateTimeOffset At, Exception? Error);
}
