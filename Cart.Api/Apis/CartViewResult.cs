using Cart.Api.Caching;
using Cart.Api.Carts;
using Cart.Api.Contracts;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Cart.Api.Apis;

/// <summary>
/// 200 with a <see cref="CartView"/>'s bytes as they are, with their length (no chunked framing for the gateway to
/// relay), the version's ETag and which tier served them as an RFC 9211 <c>Cache-Status</c> (<c>local; hit</c>,
/// <c>redis; hit</c>, or <c>redis; fwd=miss</c> for a read from DynamoDB). A last-known copy served because DynamoDB
/// could not answer says so: <c>redis; hit; ttl=-N; detail=dynamodb-unavailable</c> (RFC 9211: a negative ttl is a
/// stale hit) and <c>Age</c>. Described to OpenAPI as a <see cref="CartDocument"/>, which is what the bytes are.
/// </summary>
internal sealed class CartViewResult(CartView view, string tier, Staleness? stale = null)
    : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IContentTypeHttpResult
{
    private const string JsonContentType = "application/json; charset=utf-8";
    private const string CacheStatusHeader = "Cache-Status";

    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => JsonContentType;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = JsonContentType;
        response.ContentLength = view.Json.Length;
        response.SetETag(view.Version);
        if (stale is { } staleness)
        {
            response.Headers[CacheStatusHeader] = string.Create(CultureInfo.InvariantCulture, $"redis; hit; ttl={staleness.TtlSeconds}; detail=dynamodb-unavailable");
            response.Headers.Age = staleness.AgeSeconds.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            response.Headers[CacheStatusHeader] = tier switch
            {
                Caching.CacheTier.Local => "local; hit",
                Caching.CacheTier.Redis => "redis; hit",
                _ => "redis; fwd=miss",
            };
        }

        return response.Body.WriteAsync(view.Json, httpContext.RequestAborted).AsTask();
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(CartDocument), ["application/json"]));
}
