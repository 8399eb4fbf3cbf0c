namespace HostingIntegrations.Prerequisites;

/// <summary>The machine lacks what the model needs; each entry of <see cref="Missing"/> is one line saying how to fix it.</summary>
public sealed class MissingPrerequisitesException(IReadOnlyList<string> missing)
    : DistributedApplicationException(string.Join(Environment.NewLine, missing))
{
    /// <summary>One line per missing prerequisite.</summary>
    public IReadOnlyList<string> Missing { get; } = missing;
}
