namespace ApiConventions.OpenApi;

/// <summary>A request header an endpoint reads (Idempotency-Key, If-Match), for its OpenAPI operation.</summary>
public sealed record RequestHeaderMetadata(string Name, bool Required, string Description);

/// <summary>A header an endpoint's successful responses carry (ETag, Idempotent-Replayed), for its OpenAPI operation.</summary>
public sealed record ResponseHeaderMetadata(string Name, string Description);

/// <summary>Problem codes an endpoint may answer with <see cref="Status"/>, beyond those its shape implies.</summary>
public sealed record ProblemCodesMetadata(int Status, IReadOnlyList<string> Codes);

/// <summary>An example of the request body (no <see cref="Status"/>) or of the <see cref="Status"/> response, as a contract record.</summary>
public sealed record ExampleMetadata(int? Status, object Value);
