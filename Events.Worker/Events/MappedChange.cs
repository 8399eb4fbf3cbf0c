namespace Events.Worker.Events;

/// <summary>What one stream record becomes: a domain event (or none) and a cache invalidation message (or none).</summary>
public sealed record MappedChange(CloudEvent? Event, string? Invalidation)
{
    public static MappedChange None { get; } = new(null, null);
}
