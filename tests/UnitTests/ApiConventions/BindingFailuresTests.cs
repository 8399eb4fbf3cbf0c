using System.Text.Json;
using ApiConventions.Problems;
using Microsoft.AspNetCore.Http;

namespace UnitTests.ApiConventions;

public class BindingFailuresTests
{
    [Theory]
    [InlineData("""Failed to bind parameter "Nullable<int> limit" from "abc".""", "limit", "a whole number")]
    [InlineData("""Failed to bind parameter "Guid id" from "x".""", "id", "a GUID")]
    [InlineData("""Failed to bind parameter "bool? open" from "maybe".""", "open", "true or false")]
    public void A_value_that_does_not_bind_names_the_parameter_and_what_it_must_be(string message, string name, string kind)
    {
        var error = BindingFailures.Describe(new BadHttpRequestException(message));

        Assert.Equal(400, error.Status);
        Assert.Equal($"The parameter '{name}' must be {kind}.", error.Detail);
        Assert.Equal([$"Must be {kind}."], error.Errors![name]);
        AssertNoFrameworkInternals(error);
    }

    [Fact]
    public void A_missing_query_parameter_names_it()
    {
        var error = BindingFailures.Describe(new BadHttpRequestException("""Required parameter "string sku" was not provided from query string."""));

        Assert.Equal("The parameter 'sku' is required.", error.Detail);
        AssertNoFrameworkInternals(error);
    }

    [Theory]
    [InlineData("""Implicit body inferred for parameter "request" but no body was provided. Did you mean to use a Service instead?""")]
    [InlineData("""Required parameter "PaymentRequest request" was not provided from body.""")]
    public void A_missing_body_says_a_json_body_is_required(string message)
    {
        var error = BindingFailures.Describe(new BadHttpRequestException(message));

        Assert.Equal(400, error.Status);
        Assert.Equal("This operation requires a JSON request body.", error.Detail);
        AssertNoFrameworkInternals(error);
    }

    [Fact]
    public void A_body_that_is_not_json_is_an_unsupported_media_type_in_plain_words()
    {
        var error = BindingFailures.Describe(new BadHttpRequestException("""Expected a supported JSON media type but got "text/plain".""", 415));

        Assert.Equal(415, error.Status);
        Assert.Equal(ErrorCodes.UnsupportedMediaType, error.Code);
        AssertNoFrameworkInternals(error);
    }

    [Fact]
    public void Json_that_does_not_fit_the_body_is_malformed_json_with_its_path()
    {
        var error = BindingFailures.Describe(new BadHttpRequestException(
            """Failed to read parameter "PaymentRequest request" from the request body as JSON.""",
            new JsonException("The JSON value could not be converted to System.Int64.", "$.amount", 0, 10)));

        Assert.Equal(ErrorCodes.MalformedJson, error.Code);
        Assert.Equal("The request body is not valid JSON for this endpoint (at $.amount).", error.Detail);
        AssertNoFrameworkInternals(error);
    }

    [Fact]
    public void An_unknown_failure_keeps_its_status_and_says_nothing_internal()
    {
        var error = BindingFailures.Describe(new BadHttpRequestException("Something about System.Private.CoreLib happened.", 400));

        Assert.Equal(400, error.Status);
        Assert.Equal("The request is malformed.", error.Detail);
    }

    private static void AssertNoFrameworkInternals(ApiError error)
    {
        var text = error.Detail + string.Join(" ", error.Errors?.Values.SelectMany(e => e) ?? []);
        foreach (var internals in new[] { "Nullable", "Int32", "Int64", "PaymentRequest", "Service", "inferred", "Guid id", "\"" })
        {
            Assert.DoesNotContain(internals, text, StringComparison.Ordinal);
        }
    }
}
