namespace HostingIntegrations.Restarts;

/// <summary>Restart the resource when its process dies on its own, at most <see cref="MaxRestarts"/> times per <see cref="Window"/>.</summary>
public sealed record RestartOnCrashAnnotation(int MaxRestarts, TimeSpan Window) : IResourceAnnotation;
