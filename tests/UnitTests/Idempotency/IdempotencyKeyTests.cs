using Idempotency;

namespace UnitTests.Idempotency;

public class IdempotencyKeyTests
{
    [Theory]
    [InlineData("8e03978e-40d5-43e8-bc93-6894a57f9324", "8e03978e-40d5-43e8-bc93-6894a57f9324")]
    [InlineData("\"8e03978e-40d5\"", "8e03978e-40d5")]
    [InlineData("\"a\\\"b\\\\c\"", "a\"b\\c")]
    [InlineData("  key-1  ", "key-1")]
    public void Bare_and_structured_field_forms_are_accepted(string header, string expected)
    {
        Assert.True(IdempotencyKey.TryParse(header, out var key, out _));
        Assert.Equal(expected, key.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\"\"")]
    [InlineData("has space")]
    [InlineData("tab\there")]
    [InlineData("ünïcode")]
    [InlineData("\"bad\\escape\"")]
    [InlineData("\"unescaped\"quote\"")]
    public void Keys_that_are_not_visible_ascii_are_rejected(string header) =>
        Assert.False(IdempotencyKey.TryParse(header, out _, out _));

    [Fact]
    public void Keys_may_be_255_characters_but_not_256()
    {
        Assert.True(IdempotencyKey.TryParse(new string('k', 255), out _, out _));
        Assert.False(IdempotencyKey.TryParse(new string('k', 256), out _, out var error));
        Assert.Contains("255", error, StringComparison.Ordinal);
    }
}
