namespace ServiceDefaults.Correlation;

/// <summary>The request id accepted or created for the current request.</summary>
public interface IRequestIdFeature
{
    string RequestId { get; }
}

internal sealed record RequestIdFeature(string RequestId) : IRequestIdFeature;

/// <summary>Reads the current request's id.</summary>
public static class RequestIdHttpContextExtensions
{
    /// <summary>The request id, or <c>null</c> outside the request id middleware.</summary>
    public static string? GetRequestId(this HttpContext context) => context.Features.Get<IRequestIdFeature>()?.RequestId;
}
