namespace ServiceDefaults;

/// <summary>
/// The tag that selects health checks for <c>/alive</c>. <c>/health</c> runs every check, the dependency checks
/// that client registrations add untagged (as Aspire's client integrations do) included.
/// </summary>
public static class HealthTags
{
    /// <summary>The process is up (no dependency is checked).</summary>
    public const string Live = "live";
}
