using ApiConventions.Problems;

namespace ApiConventions.OpenApi;

/// <summary>
/// Declares, on an endpoint, examples of its request and responses as the contract's own records, so an example
/// cannot name a member the contract does not have; the OpenAPI document shows them as the service would write them.
/// </summary>
public static class ExampleConventions
{
    /// <summary>An example of the request body.</summary>
    public static TBuilder WithRequestExample<TBuilder>(this TBuilder builder, object example)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ExampleMetadata(Status: null, example));

    /// <summary>An example of the <paramref name="status"/> response's body.</summary>
    public static TBuilder WithResponseExample<TBuilder>(this TBuilder builder, int status, object example)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ExampleMetadata(status, example));

    /// <summary>An example of a problem the endpoint answers: the <paramref name="error"/> it returns, as problem details.</summary>
    public static TBuilder WithProblemExample<TBuilder>(this TBuilder builder, ApiError error)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ExampleMetadata(error.Status, error.ToProblemDetails()));
}
