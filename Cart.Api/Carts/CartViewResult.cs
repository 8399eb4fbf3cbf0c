using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Cart.Api.Carts;

/// <summary>
/// 200 with a <see cref="CartView"/>'s bytes as they are, with their length (no chunked framing for the gateway to
/// relay) and the version's ETag. Described to OpenAPI as a <see cref="CartDocument"/>, which is what the bytes are.
/// </summary>
internal sealed class CartViewResult(CartView view) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IContentTypeHttpResult
{
    private const string JsonContentType = "application/json; charset=utf-8";

    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => JsonContentType;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = JsonContentType;
        response.ContentLength = view.Json.Length;
        response.SetETag(view.Version);
        return response.Body.WriteAsync(view.Json, httpContext.RequestAborted).AsTask();
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(CartDocument), ["application/json"]));
}
