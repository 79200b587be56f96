using Scrutiny.Silo.Csv;

namespace Scrutiny.Silo.Tests.Api;

public sealed class SafeCsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")")]
    [InlineData("+1+2", "'+1+2")]
    [InlineData("-1+2", "'-1+2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("-3.2", "-3.2")]
    [InlineData("-12", "-12")]
    [InlineData("-1e5", "-1e5")]
    [InlineData("plain text, with a comma", "plain text, with a comma")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Text_that_a_spreadsheet_would_evaluate_is_neutralised_and_numbers_are_left_alone(string? cell, string expected) =>
        Assert.Equal(expected, SafeCsv.Neutralise(cell));

    [Fact]
    public void Quotes_commas_and_line_breaks_are_quoted_and_formulas_neutralised_inside_quotes()
    {
        var result = SafeCsv.Download("x.csv", csv =>
        {
            csv.Header("a", "b", "c");
            csv.Text("say \"hi\", then\nleave").Number(-3.2).Text("=1+1");
            csv.EndRow();
        });
        var bytes = Assert.IsType<Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult>(result).FileContents.ToArray();

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("a,b,c\r\n\"say \"\"hi\"\", then\nleave\",-3.2,'=1+1\r\n", System.Text.Encoding.UTF8.GetString(bytes[3..]));
    }
}
