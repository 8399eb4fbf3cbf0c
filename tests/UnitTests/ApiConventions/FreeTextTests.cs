using System.Text;
using ApiConventions.Problems;
using ApiConventions.Validation;

namespace UnitTests.ApiConventions;

public sealed class FreeTextTests
{
    [Theory]
    [InlineData("Ann\u0000", 0x0000)] // C0
    [InlineData("Ann\u0007Lee", 0x0007)]
    [InlineData("Ann\nLee", 0x000A)]
    [InlineData("Ann\tLee", 0x0009)]
    [InlineData("Ann\u001BLee", 0x001B)] // ESC, which starts terminal escape sequences
    [InlineData("Ann\u007FLee", 0x007F)] // DEL
    [InlineData("Ann\u0085Lee", 0x0085)] // C1
    [InlineData("Ann\u009FLee", 0x009F)]
    public void Control_characters_are_refused(string text, int refused) => AssertRefused(text, refused);

    [Theory]
    [InlineData("Rent\u2028March", 0x2028)]
    [InlineData("Rent\u2029March", 0x2029)]
    public void Line_and_paragraph_separators_are_refused(string text, int refused) => AssertRefused(text, refused);

    [Theory]
    [InlineData("Ann \u202Etxt.exe", 0x202E)] // right-to-left override: displays as "Ann exe.txt"
    [InlineData("\u202AAnn", 0x202A)]
    [InlineData("\u202BAnn", 0x202B)]
    [InlineData("\u202CAnn", 0x202C)]
    [InlineData("\u202DAnn", 0x202D)]
    [InlineData("\u2066Ann", 0x2066)]
    [InlineData("\u2067Ann", 0x2067)]
    [InlineData("\u2068Ann", 0x2068)]
    [InlineData("\u2069Ann", 0x2069)]
    [InlineData("Ann\u200E", 0x200E)]
    [InlineData("Ann\u200F", 0x200F)]
    [InlineData("Ann\u061C", 0x061C)]
    public void Bidi_controls_are_refused(string text, int refused) => AssertRefused(text, refused);

    [Theory]
    [InlineData("Ann\u200BLee", 0x200B)] // zero-width space
    [InlineData("Ann\u2060Lee", 0x2060)] // word joiner
    [InlineData("\uFEFFAnn", 0xFEFF)] // byte-order mark
    [InlineData("Ann\u00ADLee", 0x00AD)] // soft hyphen
    [InlineData("Ann\U000E0041", 0xE0041)] // a tag character, outside the BMP: hides text from the reader
    public void Other_invisible_format_characters_are_refused(string text, int refused) => AssertRefused(text, refused);

    [Theory]
    [InlineData("Zoë Ångström-O'Brien")]
    [InlineData("李小龍")]
    [InlineData("محمد بن سلمان")] // right-to-left text itself is fine: only the invisible controls are not
    [InlineData("می\u200Cخواهم")] // Persian needs the zero-width non-joiner
    [InlineData("👩\u200D💻 rent – March 2026 (flat 3), €1,200")] // an emoji sequence needs the zero-width joiner
    [InlineData("")]
    public void Printable_text_in_any_script_is_allowed(string text)
    {
        var errors = new FieldErrors();

        Assert.Null(FreeText.FirstRefused(text));
        Assert.True(FreeText.Validate(text, "name", errors));
        Assert.True(errors.IsEmpty);
    }

    [Fact]
    public void Null_is_left_to_the_field_to_require() => Assert.True(FreeText.Validate(null, "nickname", new FieldErrors()));

    [Fact]
    public void The_error_names_the_field_and_the_character()
    {
        var errors = new FieldErrors();

        Assert.False(FreeText.Validate("Ann\u202Etxt", "nickname", errors));

        var messages = errors.ToError().Errors!;
        Assert.Equal(["nickname"], messages.Keys);
        Assert.Contains("U+202E", messages["nickname"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Free_text_refuses_every_control_character_an_identifier_refuses()
    {
        for (var c = 0; c <= 0xFFFF; c++)
        {
            if (c is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            var text = ((char)c).ToString();
            if (WholeString.HasControlCharacter(text))
            {
                Assert.False(FreeText.Allows(new Rune(c)), $"U+{c:X4}");
            }
        }
    }

    private static void AssertRefused(string text, int refused)
    {
        var errors = new FieldErrors();

        Assert.Equal(new Rune(refused), FreeText.FirstRefused(text));
        Assert.False(FreeText.Validate(text, "name", errors));
        Assert.False(errors.IsEmpty);
    }
}
