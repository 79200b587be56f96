using System.Text;
using Scrutiny.Silo.Csv;

namespace Scrutiny.Silo.Tests.Returns;

/// <summary>
/// The record reader on its own: records as written, however their fields fall across its buffer; where it says bytes
/// that are not UTF-8 are; the longest record; values of its shared columns.
/// </summary>
public sealed class CsvRecordReaderTests
{
    private static async Task<List<string[]>> ReadAllAsync(byte[] bytes)
    {
        using var reader = new CsvRecordReader(new MemoryStream(bytes));
        var records = new List<string[]>();
        while (await reader.ReadAsync() is { } record) records.Add(record);
        return records;
    }

    [Fact]
    public async Task Records_read_back_as_written_whatever_their_fields_and_wherever_the_buffer_ends()
    {
        // Plain runs of every length (some past the 16,384-character buffer), quoted fields holding commas, doubled quotes
        // and line breaks, empty fields, a quote inside a plain field, LF and CRLF line ends.
        var random = new Random(11);
        var written = new List<string[]>();
        var csv = new StringBuilder();
        for (var r = 0; r < 400; r++)
        {
            var fields = new string[random.Next(2, 7)]; // one empty field alone would be a blank line, which is skipped
            for (var f = 0; f < fields.Length; f++)
                fields[f] = random.Next(6) switch
                {
                    0 => "",
                    1 => new string((char)('a' + random.Next(26)), random.Next(1, 20_000)),
                    2 => "say \"x\", then\r\ny",
                    3 => "5\"",
                    _ => $"E{random.Next(100_000_000):D8}",
                };
            written.Add(fields);
            csv.Append(string.Join(',', fields.Select(f => f.Contains(',') || f.Contains('\n') || f.StartsWith('"') ? $"\"{f.Replace("\"", "\"\"")}\"" : f)));
            csv.Append(random.Next(2) == 0 ? "\n" : "\r\n");
        }

        var read = await ReadAllAsync(Encoding.UTF8.GetBytes(csv.ToString()));

        Assert.Equal(written.Count, read.Count);
        for (var r = 0; r < written.Count; r++) Assert.True(written[r].SequenceEqual(read[r]), $"record {r + 1}");
    }

    [Theory]
    [InlineData(39, false)]
    [InlineData(40, true)]
    public async Task A_record_longer_than_the_limit_is_refused_by_line(int length, bool refused)
    {
        // The limit counts every character of the record, its line end too: here 40.
        var record = new string('x', length - 4) + ",y,z";
        using var reader = new CsvRecordReader(new MemoryStream(Encoding.UTF8.GetBytes($"a\n{record}\n")), maxRecordLength: 40);
        await reader.ReadAsync();

        if (!refused) Assert.Equal(3, (await reader.ReadAsync())!.Length);
        else Assert.Equal(("line_too_long", 2), await Assert.ThrowsAsync<CsvFormatException>(async () => await reader.ReadAsync()) is var e ? (e.Code, e.Line) : default);
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

    [Fact]
    public async Task A_shared_column_keeps_one_string_for_each_value_and_reads_every_value_as_written()
    {
        var longCode = new string('x', 65);
        var csv = $"E08000003,\"a,\"\"b\"\"\",7\nE08000003,\"a,\"\"b\"\"\",7\n{longCode},,7\n{longCode},\u00e9\u5927,7\n";
        using var reader = new CsvRecordReader(new MemoryStream(Encoding.UTF8.GetBytes(csv))) { SharedColumns = 2 };
        var records = new List<string[]>();
        while (await reader.ReadAsync() is { } record) records.Add(record);

        Assert.Equal([["E08000003", "a,\"b\"", "7"], ["E08000003", "a,\"b\"", "7"], [longCode, "", "7"], [longCode, "\u00e9\u5927", "7"]], records);
        Assert.Same(records[0][0], records[1][0]);
        Assert.Same(records[0][1], records[1][1]);
        // Not shared: a column past the shared ones, and a value longer than a code.
        Assert.NotSame(records[0][2], records[1][2]);
        Assert.NotSame(records[2][0], records[3][0]);
    }
}
