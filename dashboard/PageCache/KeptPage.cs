using Microsoft.Extensions.Primitives;

namespace Scrutiny.Dashboard.PageCache;

/// <summary>
/// One rendering of a page as its reader received it: the headers the page set and its body, in pieces small enough
/// to stay out of the large object heap (a scorecard is 230 KB), the last filled up to the body's length; kept until
/// <see cref="Until"/>.
/// </summary>
public sealed class KeptPage(IReadOnlyList<KeyValuePair<string, StringValues>> headers, IReadOnlyList<byte[]> body, long length, long until)
{
    public long Length { get; } = length;

    /// <summary>A <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>: real time, whatever clock the host is given.</summary>
    public long Until { get; } = until;

    public async Task WriteToAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        foreach (var (name, value) in headers) response.Headers[name] = value;
        response.ContentLength = Length;
        var left = Length;
        foreach (var piece in body)
        {
            var n = (int)Math.Min(piece.Length, left);
            await response.Body.WriteAsync(piece.AsMemory(0, n), cancellationToken);
            left -= n;
        }
    }
}
