namespace Events.Worker.Events;

/// <summary>A committed version of a cart, as the stream shows it: what the cart cache must not be behind.</summary>
public sealed record CartVersion(string CartId, long Version);
