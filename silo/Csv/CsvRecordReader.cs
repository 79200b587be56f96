using System.Text;

namespace Scrutiny.Silo.Csv;

/// <summary>A CSV file that cannot be read on: the line it stopped at and why.</summary>
public sealed class CsvFormatException(int line, string code, string message) : Exception(message)
{
    public int Line { get; } = line;
    public string Code { get; } = code;
}

/// <summary>
/// Reads RFC 4180 records one at a time from a stream, as spreadsheets write them: an optional UTF-8 byte-order
/// mark, CRLF or LF line ends, quoted fields holding commas, quotes ("") and line breaks. Strict where a silent
/// guess would corrupt data: bytes that are not UTF-8, an unterminated quote (a truncated file), a record longer
/// than <see cref="MaxRecordLength"/>, and text after a closing quote all stop the read with the line they are on.
/// </summary>
public sealed class CsvRecordReader(Stream stream, int maxRecordLength = CsvRecordReader.DefaultMaxRecordLength) : IDisposable
{
    /// <summary>Far longer than any honest return row; a bound on the memory one record can take.</summary>
    public const int DefaultMaxRecordLength = 64 * 1024;

    private readonly TextReader _reader = new StreamReader(stream,
        new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true),
        detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024);
    private readonly StringBuilder _field = new();
    private bool _started;

    public int MaxRecordLength => maxRecordLength;

    /// <summary>The line the last record returned started on (1 = first line of the file).</summary>
    public int RecordLine { get; private set; }

    private int _line = 1;

    /// <summary>The next record's fields, or null at the end of the file. A blank line gives an empty array.</summary>
    public async ValueTask<string[]?> ReadAsync(CancellationToken cancellationToken = default)
    {
        var fields = new List<string>();
        _field.Clear();
        var length = 0;
        var quoted = false;
        var afterQuote = false;
        RecordLine = _line;
        while (true)
        {
            var c = await ReadCharAsync(cancellationToken);
            if (!_started)
            {
                _started = true;
                if (c == '\uFEFF') continue; // Excel's byte-order mark
            }
            if (c == -1)
            {
                if (quoted) throw new CsvFormatException(RecordLine, "unterminated_quote",
                    $"The quoted field that starts on line {RecordLine} never ends: the file may be truncated.");
                if (fields.Count == 0 && _field.Length == 0 && !afterQuote) return null;
                fields.Add(_field.ToString());
                return [.. fields];
            }
            if (++length > maxRecordLength)
                throw new CsvFormatException(RecordLine, "line_too_long",
                    $"The record on line {RecordLine} is longer than {maxRecordLength:N0} characters.");
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (await PeekAsync(cancellationToken) == '"') { await ReadCharAsync(cancellationToken); _field.Append('"'); }
                    else { quoted = false; afterQuote = true; }
                }
                else
                {
                    if (ch == '\n') _line++;
                    _field.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case ',':
                    fields.Add(_field.ToString());
                    _field.Clear();
                    afterQuote = false;
                    break;
                case '\r' when await PeekAsync(cancellationToken) == '\n':
                    break;
                case '\r' or '\n':
                    _line++;
                    if (fields.Count == 0 && _field.Length == 0 && !afterQuote) return [];
                    fields.Add(_field.ToString());
                    return [.. fields];
                case '"' when _field.Length == 0 && !afterQuote:
                    quoted = true;
                    break;
                default:
                    if (afterQuote) throw new CsvFormatException(RecordLine, "text_after_quote",
                        $"Line {_line} has text after a closing quote; quote the whole field and double any quote inside it.");
                    _field.Append(ch);
                    break;
            }
        }
    }

    private async ValueTask<int> ReadCharAsync(CancellationToken cancellationToken)
    {
        if (_peeked is { } p) { _peeked = null; return p; }
        return await ReadOneAsync(cancellationToken);
    }

    private int? _peeked;

    private async ValueTask<int> PeekAsync(CancellationToken cancellationToken) => _peeked ??= await ReadOneAsync(cancellationToken);

    private readonly char[] _buffer = new char[16 * 1024];
    private int _position;
    private int _count;

    private async ValueTask<int> ReadOneAsync(CancellationToken cancellationToken)
    {
        if (_position == _count)
        {
            try
            {
                _count = await _reader.ReadAsync(_buffer.AsMemory(), cancellationToken);
            }
            catch (DecoderFallbackException)
            {
                throw new CsvFormatException(_line, "not_utf8",
                    $"Line {_line} holds bytes that are not UTF-8 text; save the file as \"CSV UTF-8\".");
            }
            _position = 0;
            if (_count == 0) return -1;
        }
        return _buffer[_position++];
    }

    public void Dispose() => _reader.Dispose();
}
