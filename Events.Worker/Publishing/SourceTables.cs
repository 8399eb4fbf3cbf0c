namespace Events.Worker.Publishing;

/// <summary>The physical names of the source tables and their logical names (<c>carts</c>, <c>payments</c>).</summary>
public sealed class SourceTables(IReadOnlyDictionary<string, string> logicalByPhysical)
{
    public IReadOnlyDictionary<string, string> LogicalByPhysical { get; } = logicalByPhysical;

    public string LogicalName(string physical) => LogicalByPhysical.TryGetValue(physical, out var logical) ? logical : physical;
}
