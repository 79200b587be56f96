using Scrutiny.Dashboard.Presentation;

namespace Scrutiny.Dashboard.Tests;

public sealed class CsvCellTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("E08000003", "E08000003")]
    [InlineData("2026/27-Q1", "2026/27-Q1")]
    [InlineData("Counted, as before", "\"Counted, as before\"")]
    [InlineData("He said \"no\"", "\"He said \"\"no\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    public void Cells_are_quoted_and_formulas_neutralised(string? text, string expected) =>
        Assert.Equal(expected, CsvCell.Write(text));
}
