namespace Scrutiny.Dashboard.PageCache;

/// <summary>
/// A response body that passes every write on to the reader as it comes and keeps a copy, in pieces of at most
/// <see cref="PieceSize"/> bytes, for as long as the copy stays under <see cref="MaxLength"/> (past it, the copy is dropped).
/// </summary>
public sealed class CopyingStream(Stream inner) : Stream
{
    public const int PieceSize = 64 * 1024;
    public const long MaxLength = 4 * 1024 * 1024;

    private readonly List<byte[]> _pieces = [];
    private int _usedInLast = PieceSize;
    private long _length;

    /// <summary>The copy (the last piece filled up to <see cref="CopiedLength"/>), or null when the body outgrew <see cref="MaxLength"/>.</summary>
    public IReadOnlyList<byte[]>? Pieces => _length > MaxLength ? null : _pieces;

    public long CopiedLength => _length;

    private void Keep(ReadOnlySpan<byte> data)
    {
        _length += data.Length;
        if (_length > MaxLength)
        {
            _pieces.Clear();
            return;
        }
        while (!data.IsEmpty)
        {
            if (_usedInLast == PieceSize)
            {
                _pieces.Add(new byte[PieceSize]);
                _usedInLast = 0;
            }
            var n = Math.Min(data.Length, PieceSize - _usedInLast);
            data[..n].CopyTo(_pieces[^1].AsSpan(_usedInLast));
            _usedInLast += n;
            data = data[n..];
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Keep(buffer);
        inner.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Keep(buffer.Span);
        return inner.WriteAsync(buffer, cancellationToken);
    }

    public override void Flush() => inner.Flush();
    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
