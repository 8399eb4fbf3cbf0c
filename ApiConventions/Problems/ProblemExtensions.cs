namespace ApiConventions.Problems;

/// <summary>Names of the problem details extension members the platform adds.</summary>
public static class ProblemExtensions
{
    public const string Code = "code";
    public const string TraceId = "traceId";
}
