using ApiConventions.Problems;

namespace ApiConventions.OpenApi;

/// <summary>Declares, on an endpoint, the parts of its HTTP contract that its handler's signature cannot show.</summary>
public static class ContractConventions
{
    /// <summary>The endpoint may answer <paramref name="status"/> with these problem <paramref name="codes"/>.</summary>
    public static TBuilder ProducesProblemCodes<TBuilder>(this TBuilder builder, int status, params string[] codes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ProblemCodesMetadata(status, codes));

    /// <summary>Successful responses carry the entity's version as a strong <c>ETag</c>.</summary>
    public static TBuilder WithETag<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ResponseHeaderMetadata("ETag", "The entity's version as a strong entity tag (\"7\"); send it back in If-Match."));

    /// <summary>The endpoint honours <c>If-Match</c> (412 on a stale version) and answers with the new <c>ETag</c>.</summary>
    public static TBuilder WithIfMatch<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithETag()
            .WithMetadata(new RequestHeaderMetadata("If-Match", Required: false, "Apply the change only if the entity is still at this version (its ETag); otherwise 412."))
            .ProducesProblemCodes(StatusCodes.Status412PreconditionFailed, ErrorCodes.PreconditionFailed);
}
