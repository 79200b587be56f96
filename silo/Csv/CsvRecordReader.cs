using System.Buffers;
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
/// guess would corrupt data: bytes that are not UTF-8 (named by the line they are on), an unterminated quote (a truncated file), a record longer
/// than <see cref="MaxRecordLength"/>, and text after a closing quote all stop the read with the line they are on.
/// </summary>
public sealed class CsvRecordReader(Stream stream, int maxRecordLength = CsvRecordReader.DefaultMaxRecordLength) : IDisposable
{
    /// <summary>Far longer than any honest return row; a bound on the memory one record can take.</summary>
    public const int DefaultMaxRecordLength = 64 * 1024;

    // Bytes that are not UTF-8 decode to U+FFFD and are counted rather than thrown at once: the decoder runs a
    // buffer ahead of the parser, so an exception would name the line the parser was on, not the line they are on.
    private readonly InvalidBytesFallback _invalid = new();
    private TextReader? _reader;
    private readonly StringBuilder _field = new();
    // One list for every record's fields, read one record at a time; each record is returned as its own array.
    private readonly List<string> _fields = [];
    private bool _started;

    public int MaxRecordLength => maxRecordLength;

    /// <summary>
    /// How many leading columns hold codes that repeat from row to row (a returns file's place, indicator and period):
    /// their values are kept as one string per distinct value, not a new string for every row. 0: none.
    /// </summary>
    public int SharedColumns { get; init; }

    /// <summary>Distinct values kept for <see cref="SharedColumns"/>; past it a new value is read as any other field.</summary>
    public const int MaxSharedValues = 10_000;

    /// <summary>Longer values are read as any other field (codes and periods are short).</summary>
    private const int MaxSharedLength = 64;

    private readonly HashSet<string> _shared = new(StringComparer.Ordinal);

    /// <summary>The line the last record returned started on (1 = first line of the file).</summary>
    public int RecordLine { get; private set; }

    private int _line = 1;

    /// <summary>The next record's fields, or null at the end of the file. A blank line gives an empty array.</summary>
    public async ValueTask<string[]?> ReadAsync(CancellationToken cancellationToken = default)
    {
        var fields = _fields;
        fields.Clear();
        _field.Clear();
        var length = 0;
        var quoted = false;
        var afterQuote = false;
        RecordLine = _line;
        while (true)
        {
            // A run of plain characters in an unquoted field is taken at once, not a character at a time: most of a file is
            // such runs. What ends a run (a comma, a line end, a quote, a replaced byte), and a run that would pass the
            // record's limit, go the character-at-a-time way below.
            if (!quoted && !afterQuote && _started && _peeked is null && _position < _count)
            {
                var run = _buffer.AsSpan(_position, _count - _position).IndexOfAny(RunEnds);
                if (run < 0) run = _count - _position;
                if (run > 0 && length + run <= maxRecordLength)
                {
                    _field.Append(_buffer, _position, run);
                    (_position, length) = (_position + run, length + run);
                    continue;
                }
            }
            // Characters come from the buffer without an await each; only a refill waits on the stream.
            if (_peeked is null && _position == _count && !_ended) await FillAsync(cancellationToken);
            var c = ReadChar();
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
                fields.Add(FieldText(fields.Count));
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
                    if (await PeekAsync(cancellationToken) == '"') { ReadChar(); _field.Append('"'); }
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
                    fields.Add(FieldText(fields.Count));
                    _field.Clear();
                    afterQuote = false;
                    break;
                case '\r' when await PeekAsync(cancellationToken) == '\n':
                    break;
                case '\r' or '\n':
                    _line++;
                    if (fields.Count == 0 && _field.Length == 0 && !afterQuote) return [];
                    fields.Add(FieldText(fields.Count));
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

    /// <summary>The field just read, as the string kept for its value when its column is shared.</summary>
    private string FieldText(int column)
    {
        if (column >= SharedColumns || _field.Length > MaxSharedLength) return _field.ToString();
        Span<char> chars = stackalloc char[MaxSharedLength];
        var value = chars[.._field.Length];
        _field.CopyTo(0, value, value.Length);
        if (_shared.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(value, out var kept)) return kept;
        var text = new string(value);
        if (_shared.Count < MaxSharedValues) _shared.Add(text);
        return text;
    }

    /// <summary>The next character, or -1 at the end: from the peeked one or the buffer, which the caller has filled.</summary>
    private int ReadChar()
    {
        int c;
        if (_peeked is { } p) { _peeked = null; c = p; }
        else c = _position < _count ? _buffer[_position++] : -1;
        if (c == '\uFFFD' && _invalid.Count > 0)
            throw new CsvFormatException(_line, "not_utf8",
                $"Line {_line} holds bytes that are not UTF-8 text; save the file as \"CSV UTF-8\".");
        return c;
    }

    private int? _peeked;

    private async ValueTask<int> PeekAsync(CancellationToken cancellationToken)
    {
        if (_peeked is { } p) return p;
        if (_position == _count && !_ended) await FillAsync(cancellationToken);
        return (_peeked = _position < _count ? _buffer[_position++] : -1).Value;
    }

    private static readonly SearchValues<char> RunEnds = SearchValues.Create(",\r\n\"\uFFFD");

    private readonly char[] _buffer = new char[16 * 1024];
    private int _position;
    private int _count;
    private bool _ended;

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        // 32 KB: the reader's own characters (a char for each byte) stay under the large object heap's 85,000 bytes. At
        // 64 KB every upload put a 128 KB array there, and past its budget the runtime collects the whole heap.
        _reader ??= new StreamReader(stream, _invalid.Utf8(), detectEncodingFromByteOrderMarks: false, bufferSize: 32 * 1024);
        _count = await _reader.ReadAsync(_buffer.AsMemory(), cancellationToken);
        _position = 0;
        _ended = _count == 0;
    }

    public void Dispose()
    {
        if (_reader is not null) _reader.Dispose();
        else stream.Dispose();
    }

    /// <summary>Decodes each invalid byte sequence as U+FFFD, as the replacement fallback does, and counts them.</summary>
    private sealed class InvalidBytesFallback : DecoderFallback
    {
        private readonly DecoderReplacementFallback _replacement = new("\uFFFD");

        public int Count { get; private set; }

        public override int MaxCharCount => _replacement.MaxCharCount;

        public Encoding Utf8()
        {
            var encoding = (Encoding)new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).Clone();
            encoding.DecoderFallback = this;
            return encoding;
        }

        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this, _replacement.CreateFallbackBuffer());

        private sealed class Buffer(InvalidBytesFallback owner, DecoderFallbackBuffer inner) : DecoderFallbackBuffer
        {
            public override int Remaining => inner.Remaining;

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                owner.Count++;
                return inner.Fallback(bytesUnknown, index);
            }

            public override char GetNextChar() => inner.GetNextChar();
            public override bool MovePrevious() => inner.MovePrevious();
            public override void Reset() => inner.Reset();
        }
    }
}
