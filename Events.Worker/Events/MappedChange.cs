namespace Events.Worker.Events;

/// <summary>What one stream record becomes: a domain event (or none) and a cart version the cache must catch up with (or none).</summary>
public sealed record MappedChange(CloudEvent? Event, CartVersion? CartVersion)
{
    public static MappedChange None { get; } = new(null, null);
}
