using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Tests.Returns;

/// <summary>
/// A large, valid returns CSV for agency MFT, written row by row as it is sent (chunked: no Content-Length, and
/// never whole in memory): <see cref="Places"/> invented places × <see cref="Months"/> months from 2010-01 of
/// delayed-discharge-days, ordered place by place. Shared by the 100,000-row test and tests/benchmarks.
/// </summary>
public sealed class GeneratedReturnsCsv : HttpContent
{
    public const string Indicator = "delayed-discharge-days";
    public const int FirstYear = 2010;

    public GeneratedReturnsCsv(int places, int months)
    {
        if (months > (2026 - FirstYear) * 12) throw new ArgumentOutOfRangeException(nameof(months), "Every period must have started.");
        (Places, Months) = (places, months);
        Headers.ContentType = new MediaTypeHeaderValue("text/csv");
    }

    private long _rowsWritten;
    private long _bytesWritten;

    public int Places { get; }
    public int Months { get; }
    public int Rows => Places * Months;
    public long RowsWritten => Interlocked.Read(ref _rowsWritten);
    public long BytesWritten => Interlocked.Read(ref _bytesWritten);

    /// <summary>A wait after each 64 KB sent, as a slow connection's upload: the server then reads while the client writes.</summary>
    public TimeSpan PauseBetweenChunks { get; init; }

    /// <summary>Invented ONS-style codes, E08100000 on, children of Greater Manchester.</summary>
    public static string PlaceCode(int index) => $"E08{100000 + index:D6}";

    public static string Period(int month) => $"{FirstYear + month / 12}-{month % 12 + 1:00}";

    /// <summary>The same value the CSV gives, so that a test can check what landed.</summary>
    public static long Value(int place, int month) => 500 + (place * 7 + month * 13) % 400;

    /// <summary>Adds the places to the minimal catalogue (already seeded), each with a board on which MFT sits.</summary>
    public static async Task SeedCatalogueAsync(CatalogueWriter writer, int places)
    {
        await writer.UpsertPlacesAsync(Enumerable.Range(0, places)
            .Select(i => new Place(PlaceCode(i), $"Test borough {i}", "metropolitan_borough", "E47000001")));
        for (var i = 0; i < places; i++)
            await writer.UpsertBoardAsync(new PartnershipBoard($"board-{i}", $"Board {i}", PlaceCode(i), ["MFT"]));
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var buffer = new byte[64 * 1024];
        var length = Encoding.ASCII.GetBytes("place,indicator,period,numerator,denominator,note\r\n", buffer);
        for (var place = 0; place < Places; place++)
        {
            for (var month = 0; month < Months; month++)
            {
                if (buffer.Length - length < 256)
                {
                    await stream.WriteAsync(buffer.AsMemory(0, length));
                    Interlocked.Add(ref _bytesWritten, length);
                    length = 0;
                    if (PauseBetweenChunks > TimeSpan.Zero) await Task.Delay(PauseBetweenChunks);
                }
                length += Encoding.ASCII.GetBytes($"{PlaceCode(place)},{Indicator},{Period(month)},{Value(place, month)},,\r\n", buffer.AsSpan(length));
                Interlocked.Increment(ref _rowsWritten);
            }
        }
        await stream.WriteAsync(buffer.AsMemory(0, length));
        Interlocked.Add(ref _bytesWritten, length);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
