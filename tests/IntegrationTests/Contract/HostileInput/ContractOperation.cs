using System.Text.Json.Nodes;

namespace IntegrationTests.Contract.HostileInput;

/// <summary>A parameter of an operation as its document declares it (<c>path</c>, <c>query</c> or <c>header</c>).</summary>
internal sealed record ContractParameter(string Name, string In, bool Required, IReadOnlyList<string> Types)
{
    public bool IsInteger => Types.Contains("integer");
}

/// <summary>
/// One operation of a committed OpenAPI document, as the hostile-input sweep needs it: where it lives, what it reads,
/// the body it shows as an example, and the statuses (with their problem codes) it declares.
/// </summary>
internal sealed record ContractOperation(
    string Service,
    string Id,
    HttpMethod Method,
    string PathTemplate,
    IReadOnlyList<ContractParameter> Parameters,
    JsonObject? BodySchema,
    JsonObject? BodyExample,
    IReadOnlyDictionary<int, IReadOnlySet<string>> Responses,
    IReadOnlySet<string> ProblemCodes,
    bool AcceptsGuests)
{
    public IEnumerable<ContractParameter> In(string location) => Parameters.Where(p => p.In == location);

    public bool Reads(string header) => In("header").Any(p => string.Equals(p.Name, header, StringComparison.OrdinalIgnoreCase));

    public bool Mutates => Method != HttpMethod.Get;

    public override string ToString() => $"{Service} {Id} ({Method} {PathTemplate})";
}
