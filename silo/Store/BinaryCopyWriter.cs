using System.Buffers.Binary;
using System.Text;

namespace Scrutiny.Silo.Store;

/// <summary>
/// Writes rows in PostgreSQL's binary COPY format (a signature, then each row as its field count and each field as its
/// length and bytes, big-endian; a -1 to end) into a buffer, handing the buffer to the COPY's stream as it fills.
/// Npgsql's own importer resolves, binds and writes a parameter for every value: for a batch's ledger entries that was
/// a tenth of the node's CPU in an import, this a small part of it (docs/benchmarks.md, "The node's share cut").
/// </summary>
public sealed class BinaryCopyWriter(Stream copy)
{
    // "PGCOPY\n", then the byte 0xFF (which a u8 string literal would write as two), "\r\n" and a zero.
    private static ReadOnlySpan<byte> Signature => [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];

    // PostgreSQL counts timestamps in microseconds from 2000-01-01 UTC.
    private static readonly long PostgresEpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _used;

    public void WriteHeader()
    {
        // The signature, no flags, no header extension.
        Reserve(Signature.Length + 8);
        Signature.CopyTo(_buffer.AsSpan(_used));
        _used += Signature.Length;
        WriteInt32(0);
        WriteInt32(0);
    }

    /// <summary>Starts a row of <paramref name="fields"/> values, handing the buffer on first once it is half full.</summary>
    public ValueTask StartRowAsync(short fields)
    {
        if (_used > _buffer.Length / 2) return FlushThenStartAsync(fields);
        StartRow(fields);
        return ValueTask.CompletedTask;
    }

    private async ValueTask FlushThenStartAsync(short fields)
    {
        await FlushAsync();
        StartRow(fields);
    }

    private void StartRow(short fields)
    {
        Reserve(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_used), fields);
        _used += 2;
    }

    /// <summary>Encoded once, straight into the buffer, its length written before it afterwards.</summary>
    public void Text(string value)
    {
        Reserve(4);
        var lengthAt = _used;
        _used += 4;
        if (_used + Encoding.UTF8.GetMaxByteCount(value.Length) <= _buffer.Length)
        {
            var length = Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_used));
            BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(lengthAt), length);
            _used += length;
            return;
        }
        // Perhaps longer than the buffer's room (a note can run to the request's limit): handed on by itself,
        // synchronously, rarely enough not to matter.
        var bytes = Encoding.UTF8.GetBytes(value);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(lengthAt), bytes.Length);
        HandOn();
        copy.Write(bytes);
    }

    public void TextOrNull(string? value)
    {
        if (value is null) Null();
        else Text(value);
    }

    public void Integer(int value)
    {
        Reserve(8);
        WriteInt32(4);
        WriteInt32(value);
    }

    public void Double(double value)
    {
        Reserve(12);
        WriteInt32(8);
        BinaryPrimitives.WriteDoubleBigEndian(_buffer.AsSpan(_used), value);
        _used += 8;
    }

    public void DoubleOrNull(double? value)
    {
        if (value is { } v) Double(v);
        else Null();
    }

    /// <summary>
    /// A <c>timestamptz</c>, to the microsecond: finer ticks are dropped (PostgreSQL itself would round them; the grains
    /// make whole microseconds, so the two agree on every entry they write).
    /// </summary>
    public void Timestamp(DateTimeOffset value)
    {
        Reserve(12);
        WriteInt32(8);
        BinaryPrimitives.WriteInt64BigEndian(_buffer.AsSpan(_used), (value.UtcTicks - PostgresEpochTicks) / TimeSpan.TicksPerMicrosecond);
        _used += 8;
    }

    /// <summary>Ends the data (its trailer) and hands the rest of the buffer on; the caller then completes the COPY.</summary>
    public async ValueTask FinishAsync()
    {
        Reserve(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_used), -1);
        _used += 2;
        await FlushAsync();
    }

    private void Null()
    {
        Reserve(4);
        WriteInt32(-1);
    }

    private void WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used), value);
        _used += 4;
    }

    /// <summary>
    /// Room for a fixed-size field. The buffer is handed on at a row's start once half full, so a row only runs out of
    /// room after a long text: the buffer is handed on synchronously then.
    /// </summary>
    private void Reserve(int bytes)
    {
        if (_used + bytes > _buffer.Length) HandOn();
    }

    /// <summary>The buffer handed to the COPY synchronously, within a row (<see cref="FlushAsync"/> between rows).</summary>
    private void HandOn()
    {
        copy.Write(_buffer, 0, _used);
        _used = 0;
    }

    private async ValueTask FlushAsync()
    {
        if (_used == 0) return;
        await copy.WriteAsync(_buffer.AsMemory(0, _used));
        _used = 0;
    }
}
