using System.Runtime.CompilerServices;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace UnitTests.ApiConventions;

/// <summary>The committed OpenAPI documents (docs/openapi/) read by an OpenAPI library as a client generator would: valid 3.1, no errors.</summary>
public sealed class OpenApiDocumentValidationTests
{
    [Theory]
    [InlineData("cart-api")]
    [InlineData("payments-api")]
    public void The_committed_document_is_valid_OpenAPI_3_1(string service)
    {
        var json = File.ReadAllText(PathOf(service));

        var read = OpenApiDocument.Parse(json, OpenApiConstants.Json, new OpenApiReaderSettings());
        var document = read.Document ?? throw new InvalidDataException($"{service}: {string.Join("; ", read.Diagnostic?.Errors ?? [])}");
        var errors = document.Validate(ValidationRuleSet.GetDefaultRuleSet()).ToList();

        Assert.Empty(read.Diagnostic!.Errors);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, read.Diagnostic.SpecificationVersion);
        Assert.Empty(errors);
        var operations = document.Paths.Values.SelectMany(path => path.Operations?.Values.AsEnumerable() ?? []).ToList();
        Assert.NotEmpty(operations);
        Assert.All(operations, operation => Assert.False(string.IsNullOrEmpty(operation.OperationId)));
    }

    private static string PathOf(string service, [CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "..", "docs", "openapi", $"{service}.json"));
}
