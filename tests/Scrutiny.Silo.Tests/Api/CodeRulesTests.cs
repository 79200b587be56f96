using Scrutiny.Silo.Api;

namespace Scrutiny.Silo.Tests.Api;

/// <summary>A code ends where its letters end: a final newline is no part of one (a regex's $ would let it through).</summary>
public sealed class CodeRulesTests
{
    [Theory]
    [InlineData("delayed-discharge-days", true)]
    [InlineData("delayed-discharge-days\n", false)]
    [InlineData("Delayed-discharge-days", false)]
    [InlineData("delayed-discharge-d\u0430ys", false)]
    public void An_indicator_code_is_lower_case_ascii_words_and_nothing_after(string code, bool valid) =>
        Assert.Equal(valid, CodeRules.IsIndicatorCode(code));

    [Theory]
    [InlineData("MFT", true)]
    [InlineData("MFT\n", false)]
    [InlineData("M\u0421T", false)]
    public void An_agency_code_is_ascii_letters_and_digits_and_nothing_after(string code, bool valid) =>
        Assert.Equal(valid, CodeRules.IsAgencyCode(code));
}
