using System.Text.Json;
using System.Text.RegularExpressions;

namespace ApiConventions.Problems;

/// <summary>
/// Turns the framework's binding failures (a <see cref="BadHttpRequestException"/> from Minimal API parameter binding
/// or from Kestrel) into problems in plain words: which parameter, what it must be — never a CLR type name, never the
/// value sent.
/// </summary>
internal static partial class BindingFailures
{
    public const string UnsupportedMediaTypeDetail = "The request body must be JSON, sent with Content-Type: application/json.";

    private const string MalformedJsonDetail = "The request body is not valid JSON for this endpoint";

    public static ApiError Describe(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
        {
            var at = string.IsNullOrEmpty(json.Path) ? "." : $" (at {json.Path}).";
            return new(StatusCodes.Status400BadRequest, ErrorCodes.MalformedJson, "Bad Request", MalformedJsonDetail + at);
        }

        var message = exception.Message;
        if (ValueNotBound().Match(message) is { Success: true } value)
        {
            var (name, kind) = (value.Groups["name"].Value, KindOf(value.Groups["type"].Value));
            return Field(name, $"Must be {kind}.", $"The parameter '{name}' must be {kind}.");
        }

        var required = RequiredNotProvided().Match(message);
        if (required.Success && required.Groups["source"].Value != "body")
        {
            var name = required.Groups["name"].Value;
            return Field(name, "Required.", $"The parameter '{name}' is required.");
        }

        if (required.Success || ImplicitBodyMissing().IsMatch(message))
        {
            return new(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, "Bad Request", "This operation requires a JSON request body.");
        }

        return exception.StatusCode switch
        {
            StatusCodes.Status415UnsupportedMediaType => new(
                exception.StatusCode, ErrorCodes.UnsupportedMediaType, "Unsupported Media Type", UnsupportedMediaTypeDetail),
            StatusCodes.Status413PayloadTooLarge => new(exception.StatusCode, ErrorCodes.PayloadTooLarge, "Payload Too Large", "The request body is too large."),
            StatusCodes.Status408RequestTimeout => new(exception.StatusCode, ErrorCodes.ForStatus(exception.StatusCode), "Request Timeout", "The request body arrived too slowly."),
            _ when BodyNotRead().IsMatch(message) => new(exception.StatusCode, ErrorCodes.BadRequest, "Bad Request", "The request body could not be read."),
            _ => new(exception.StatusCode, ErrorCodes.ForStatus(exception.StatusCode), "Bad Request", "The request is malformed."),
        };
    }

    private static ApiError Field(string name, string error, string detail) =>
        new(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, "Bad Request", detail)
        {
            Errors = new Dictionary<string, string[]>(StringComparer.Ordinal) { [name] = [error] },
        };

    /// <summary>What a value of the parameter's type looks like, in words (the framework names the CLR type).</summary>
    internal static string KindOf(string clrType)
    {
        var type = clrType.StartsWith("Nullable<", StringComparison.Ordinal) ? clrType["Nullable<".Length..^1] : clrType.TrimEnd('?');
        return type switch
        {
            "int" or "long" or "short" or "byte" or "uint" or "ulong" or "ushort" or "sbyte"
                or "Int32" or "Int64" or "Int16" or "Byte" or "UInt32" or "UInt64" or "UInt16" or "SByte" => "a whole number",
            "decimal" or "double" or "float" or "Decimal" or "Double" or "Single" => "a number",
            "bool" or "Boolean" => "true or false",
            "Guid" => "a GUID",
            "DateTime" or "DateTimeOffset" => "a date and time (ISO 8601)",
            "DateOnly" => "a date (yyyy-MM-dd)",
            "TimeOnly" or "TimeSpan" => "a time",
            _ => "a valid value",
        };
    }

    // "Failed to bind parameter "Nullable<int> limit" from "abc"."
    [GeneratedRegex("""\AFailed to bind parameter "(?<type>[^"]+) (?<name>[A-Za-z_][A-Za-z0-9_]*)" from """)]
    private static partial Regex ValueNotBound();

    // "Required parameter "string sku" was not provided from query string."
    [GeneratedRegex("""\ARequired parameter "(?<type>[^"]+) (?<name>[A-Za-z_][A-Za-z0-9_]*)" was not provided from (?<source>[a-z ]+)\.\z""")]
    private static partial Regex RequiredNotProvided();

    // "Implicit body inferred for parameter "request" but no body was provided. Did you mean to use a Service instead?"
    [GeneratedRegex("""\AImplicit body inferred for parameter "[^"]*" but no body was provided""")]
    private static partial Regex ImplicitBodyMissing();

    // "Failed to read parameter "PaymentRequest request" from the request body as JSON."
    [GeneratedRegex("""\AFailed to read parameter "[^"]*" from the request body""")]
    private static partial Regex BodyNotRead();
}
