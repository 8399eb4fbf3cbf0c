using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ApiConventions.OpenApi;

/// <summary>
/// The components every operation refers to: the problem body, the enum of the codes the operations declare, and
/// the two security schemes. Document transformers run after the operations are complete.
/// </summary>
internal sealed class ContractDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema.ComponentName] = ProblemSchema.Component(document);
        document.Components.Schemas[ProblemSchema.CodeComponentName] = ProblemSchema.CodeComponent(ProblemCodes.In(document));
        document.Components.SecuritySchemes = SecuritySchemes.All();
        return Task.CompletedTask;
    }
}
