namespace ApiConventions.OpenApi;

/// <summary>The OpenAPI document of a service, complete with its HTTP contract (DESIGN §3).</summary>
public static class ApiDocumentExtensions
{
    /// <summary>
    /// <c>AddOpenApi</c> with the platform's contract: problem responses with their codes, Idempotency-Key, If-Match,
    /// ETag, Location, Idempotent-Replayed and Retry-After headers, the bearer and device-cookie schemes, and the
    /// examples the endpoints declare.
    /// </summary>
    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(options => options
            .AddDocumentTransformer<ContractDocumentTransformer>()
            .AddOperationTransformer<OperationContractTransformer>()
            .AddOperationTransformer<ExampleTransformer>());
}
