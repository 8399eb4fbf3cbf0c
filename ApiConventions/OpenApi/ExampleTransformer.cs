using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace ApiConventions.OpenApi;

/// <summary>
/// Writes the examples an endpoint declares (<see cref="ExampleMetadata"/>) into its operation, serialized with the
/// service's own JSON options, so the example reads exactly as the service would write that value.
/// </summary>
internal sealed class ExampleTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var examples = context.Description.ActionDescriptor.EndpointMetadata.OfType<ExampleMetadata>().ToList();
        if (examples.Count == 0)
        {
            return Task.CompletedTask;
        }

        var json = context.ApplicationServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        foreach (var example in examples)
        {
            var content = example.Status is { } status
                ? operation.Responses?.GetValueOrDefault(status.ToString(CultureInfo.InvariantCulture))?.Content
                : operation.RequestBody?.Content;
            if (content is null || content.Count == 0)
            {
                throw new InvalidOperationException(
                    $"{operation.OperationId} declares an example of {(example.Status is { } s ? $"a {s} response" : "a request body")} it does not have.");
            }

            foreach (var media in content.Values)
            {
                media.Example = JsonSerializer.SerializeToNode(example.Value, example.Value.GetType(), json);
            }
        }

        return Task.CompletedTask;
    }
}
