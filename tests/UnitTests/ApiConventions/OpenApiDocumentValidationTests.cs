using System.Runtime.CompilerServices;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Xunit.Abstractions;

namespace UnitTests.ApiConventions;

/// <summary>The committed OpenAPI documents (docs/openapi/) read by an OpenAPI library as a client generator would: valid 3.1, no errors.</summary>
public sealed class OpenApiDocumentValidationTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("cart-api")]
    [InlineData("payments-api")]
    public void The_committed_document_is_valid_OpenAPI_3_1(string service)
    {
        var (document, diagnostic) = Read(service);
        var errors = document.Validate(ValidationRuleSet.GetDefaultRuleSet()).ToList();
        output.WriteLine($"{service}: OpenAPI {diagnostic.SpecificationVersion}, {diagnostic.Errors.Count} read errors, {errors.Count} validation errors");

        Assert.Empty(diagnostic.Errors);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, diagnostic.SpecificationVersion);
        Assert.Empty(errors);
        var operations = Operations(document);
        Assert.NotEmpty(operations);
        Assert.All(operations, operation => Assert.False(string.IsNullOrEmpty(operation.OperationId)));
    }

    [Theory]
    [InlineData("cart-api")]
    [InlineData("payments-api")]
    public void Every_committed_operation_declares_its_error_responses_and_headers(string service)
    {
        var operations = Operations(Read(service).Document);

        var withErrors = operations.Count(operation => Responses(operation).Any(response => response.Key[0] is '4' or '5'));
        var withHeaders = operations.Count(operation => RequestHeaders(operation).Any() || ResponseHeaders(operation).Any());
        int Declaring(string header) => operations.Count(operation => RequestHeaders(operation).Contains(header) || ResponseHeaders(operation).Contains(header));
        output.WriteLine(
            $"{service}: {operations.Count} operations; {withErrors} declare error responses, {withHeaders} declare headers " +
            $"(Idempotency-Key {Declaring("Idempotency-Key")}, If-Match {Declaring("If-Match")}, ETag {Declaring("ETag")}, Location {Declaring("Location")}, " +
            $"Idempotent-Replayed {Declaring("Idempotent-Replayed")}, Retry-After {Declaring("Retry-After")})");

        Assert.Equal(operations.Count, withErrors);
        Assert.Equal(operations.Count, withHeaders);
        Assert.Equal(operations.Count, Declaring("Retry-After"));
    }

    private static (OpenApiDocument Document, OpenApiDiagnostic Diagnostic) Read(string service)
    {
        var read = OpenApiDocument.Parse(File.ReadAllText(PathOf(service)), OpenApiConstants.Json, new OpenApiReaderSettings());
        var document = read.Document ?? throw new InvalidDataException($"{service}: {string.Join("; ", read.Diagnostic?.Errors ?? [])}");
        return (document, read.Diagnostic!);
    }

    private static List<OpenApiOperation> Operations(OpenApiDocument document) =>
        [.. document.Paths.Values.SelectMany(path => path.Operations?.Values.AsEnumerable() ?? [])];

    private static IEnumerable<KeyValuePair<string, IOpenApiResponse>> Responses(OpenApiOperation operation) =>
        operation.Responses?.AsEnumerable() ?? [];

    private static IEnumerable<string> RequestHeaders(OpenApiOperation operation) =>
        (operation.Parameters ?? []).Where(parameter => parameter.In == ParameterLocation.Header).Select(parameter => parameter.Name!);

    private static IEnumerable<string> ResponseHeaders(OpenApiOperation operation) =>
        Responses(operation).SelectMany(response => response.Value.Headers?.Keys.AsEnumerable() ?? []);

    private static string PathOf(string service, [CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "..", "docs", "openapi", $"{service}.json"));
}
