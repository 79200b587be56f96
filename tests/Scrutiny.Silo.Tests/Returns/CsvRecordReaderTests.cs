using System.Text;
using Scrutiny.Silo.Csv;

namespace Scrutiny.Silo.Tests.Returns;

/// <summary>The record reader on its own: where it says bytes that are not UTF-8 are.</summary>
public sealed class CsvRecordReaderTests
{
    private static async Task<List<string[]>> ReadAllAsync(byte[] bytes)
    {
        using var reader = new CsvRecordReader(new MemoryStream(bytes));
        var records = new List<string[]>();
        while (await reader.ReadAsync() is { } record) records.Add(record);
        return records;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5000)] // far past the first buffer the decoder fills
    public async Task Bytes_that_are_not_utf8_are_reported_on_their_own_line(int goodRecords)
    {
        // A header, then records of two lines each (a quoted line break), then "y,£5" in Latin-1.
        var text = new StringBuilder("a,b\n");
        for (var i = 0; i < goodRecords; i++) text.Append("x,\"quoted,\nline break\"\n");
        byte[] bytes = [.. Encoding.UTF8.GetBytes(text.ToString()), (byte)'y', (byte)',', 0xA3, (byte)'5', (byte)'\n', (byte)'z', (byte)'\n'];
        var badLine = 2 + 2 * goodRecords;

        var error = await Assert.ThrowsAsync<CsvFormatException>(() => ReadAllAsync(bytes));

        Assert.Equal(("not_utf8", badLine), (error.Code, error.Line));
        Assert.StartsWith($"Line {badLine} holds bytes that are not UTF-8", error.Message);
    }

    [Fact]
    public async Task A_replacement_character_written_as_utf8_is_text()
    {
        var records = await ReadAllAsync(Encoding.UTF8.GetBytes("a,b\nx,\uFFFD\n"));

        Assert.Equal(["x", "\uFFFD"], records[1]);
    }
}
