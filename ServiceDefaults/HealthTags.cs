namespace ServiceDefaults;

/// <summary>Tags that select health checks for the <c>/alive</c> and <c>/health</c> endpoints.</summary>
public static class HealthTags
{
    /// <summary>The process is up (no dependency is checked).</summary>
    public const string Live = "live";

    /// <summary>A dependency the service needs before it can take traffic.</summary>
    public const string Ready = "ready";
}
