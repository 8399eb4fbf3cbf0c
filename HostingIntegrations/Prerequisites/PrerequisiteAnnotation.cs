namespace HostingIntegrations.Prerequisites;

/// <summary>Something a resource needs on this machine: the check returns null when it is there, else one line saying how to get it.</summary>
public sealed record PrerequisiteAnnotation(Func<string?> Check) : IResourceAnnotation;
