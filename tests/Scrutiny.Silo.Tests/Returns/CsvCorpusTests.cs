using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Returns;

/// <summary>
/// The files under Returns/Corpus, posted as they are (<c>text/csv</c>, over real HTTP) on both engines: those in
/// accepted/ import as a spreadsheet user expects, those in rejected/ get 422 with exactly the listed problems and
/// leave the store as it was.
/// </summary>
public sealed class CsvCorpusTests
{
    private const string Place = "E08000003";
    private const string Admissions = "emergency-admissions-65plus";
    private const string Delayed = "delayed-discharge-days";
    private const string AtHome = "still-at-home-91-days";

    private static string CorpusPath(string file) => Path.Combine(AppContext.BaseDirectory, "Returns", "Corpus", file);

    private sealed record Ledger(string Indicator, string Period, double Numerator, double? Denominator, string? Note);

    private static readonly Ledger[] ThreeRows =
    [
        new(Admissions, "2026-07", 412, 61000, null),
        new(Delayed, "2026-07", 1350, null, null),
        new(AtHome, "2026-Q2", 81, 100, null),
    ];

    /// <summary>Each accepted file and the ledger rows (all for E08000003, agency MFT) it must leave.</summary>
    private static readonly Dictionary<string, Ledger[]> Accepted = new()
    {
        ["accepted/excel-csv-utf8-bom-crlf.csv"] = ThreeRows,
        ["accepted/crlf-no-final-line-break.csv"] = ThreeRows,
        ["accepted/bom-lf.csv"] = ThreeRows,
        ["accepted/trailing-blank-lines.csv"] = ThreeRows,
        ["accepted/five-column-header.csv"] = ThreeRows,
        ["accepted/quoted-commas-and-line-breaks.csv"] =
        [
            new(Admissions, "2026-07", 412, 61000, "Includes MRI, Wythenshawe and Trafford General"),
            new(Delayed, "2026-07", 1350, null, "First line\r\nSecond line, after a comma\nThird line"),
            new(AtHome, "2026-Q2", 81, 100, "She said \"provisional\", then \"final\""),
        ],
        ["accepted/formula-note.csv"] =
        [
            new(Admissions, "2026-07", 412, 61000, "=HYPERLINK(\"http://example.invalid\",\"click\")"),
            new(Delayed, "2026-07", 1350, null, "+SUM(1+1)*cmd|' /C calc'!A0"),
            new(AtHome, "2026-Q2", 81, 100, "@SUM(A1:A2)"),
        ],
        ["accepted/html-note.csv"] =
        [
            new(Admissions, "2026-07", 412, 61000, "<script>alert(1)</script>"),
            new(Delayed, "2026-07", 1350, null, "<img src=x onerror=\"alert(1)\"> &amp; <b>bold</b>"),
        ],
    };

    /// <summary>Each rejected file and every problem the 422 must list, in order: (row, field, code).</summary>
    private static readonly Dictionary<string, (int Row, string Field, string Code)[]> Rejected = new()
    {
        ["rejected/truncated-inside-quoted-field.csv"] = [(2, "file", "unterminated_quote")],
        ["rejected/wrong-header.csv"] = [(0, "header", "wrong_header")],
        ["rejected/semicolon-separated.csv"] = [(0, "header", "wrong_header")],
        ["rejected/latin1-pound-sign.csv"] = [(2, "file", "not_utf8")],
        ["rejected/one-megabyte-line.csv"] = [(2, "file", "line_too_long")],
        ["rejected/nan-and-infinity.csv"] =
        [
            (1, "numerator", "not_finite"),
            (2, "numerator", "not_finite"),
            (3, "denominator", "not_finite"),
            (4, "numerator", "not_finite"),
        ],
        ["rejected/negative-and-huge-numbers.csv"] =
        [
            (1, "numerator", "not_whole"),
            (2, "numerator", "not_finite"),
            (3, "numerator", "negative"),
            (4, "denominator", "not_positive"),
            (5, "numerator", "exceeds_denominator"),
            (6, "denominator", "not_finite"),
        ],
        ["rejected/unknown-codes.csv"] =
        [
            (1, "place", "unknown_place"),
            (2, "indicator", "unknown_indicator"),
            (3, "place", "not_partner"),
            (4, "period", "invalid_period"),
            (5, "period", "future_period"),
            (6, "place", "required"),
        ],
        ["rejected/duplicate-rows.csv"] = [(3, "row", "duplicate"), (4, "row", "duplicate")],
        ["rejected/thousands-separator.csv"] = [(1, "numerator", "not_a_number"), (2, "denominator", "not_a_number")],
        ["rejected/wrong-column-count.csv"] =
        [
            (2, "row", "wrong_column_count"),
            (3, "row", "wrong_column_count"),
            (4, "row", "wrong_column_count"),
        ],
    };

    public static TheoryData<string, StoreEngine> AcceptedFiles() => Cross(Accepted.Keys);

    public static TheoryData<string, StoreEngine> RejectedFiles() => Cross(Rejected.Keys);

    private static TheoryData<string, StoreEngine> Cross(IEnumerable<string> files)
    {
        var data = new TheoryData<string, StoreEngine>();
        foreach (var file in files)
            foreach (var engine in new[] { StoreEngine.Sqlite, StoreEngine.Postgres })
                data.Add(file, engine);
        return data;
    }

    [Fact]
    public void Every_corpus_file_has_an_expectation_and_every_expectation_a_file()
    {
        var files = Directory.GetFiles(CorpusPath(""), "*.csv", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(CorpusPath(""), f).Replace('\\', '/'))
            .Order();
        Assert.Equal(Accepted.Keys.Concat(Rejected.Keys).Order(), files);
    }

    [Fact]
    public async Task The_corpus_files_keep_their_bytes_through_git_and_the_build()
    {
        // .gitattributes marks the corpus -text; without it CRLF, the BOM or the 0xA3 byte could be "normalised" away.
        var excel = await File.ReadAllBytesAsync(CorpusPath("accepted/excel-csv-utf8-bom-crlf.csv"));
        Assert.Equal([0xEF, 0xBB, 0xBF], excel[..3]);
        Assert.Equal("\r\n"u8.ToArray(), excel[^2..]);
        Assert.Contains((byte)0xA3, await File.ReadAllBytesAsync(CorpusPath("rejected/latin1-pound-sign.csv")));
        Assert.True(new FileInfo(CorpusPath("rejected/one-megabyte-line.csv")).Length > 1024 * 1024);
    }

    [Theory, MemberData(nameof(AcceptedFiles))]
    public async Task An_accepted_file_imports_every_row_as_written(string file, StoreEngine engine)
    {
        await using var api = await ReturnsEndpoint.StartAsync(engine);
        var expected = Accepted[file];

        var response = await api.PostCsvAsync(await File.ReadAllBytesAsync(CorpusPath(file)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((expected.Length, 0, 0, false), await ReturnsEndpoint.SummaryAsync(response));
        var grains = api.Node.Services.GetRequiredService<IGrainFactory>();
        var ledger = await api.LedgerNotesAsync();
        foreach (var row in expected)
        {
            // The note exactly as written, both in the ledger and in the grain's series.
            Assert.Equal(row.Note, ledger[(Place, row.Indicator, row.Period)]);
            var series = await grains.GetGrain<IIndicatorGrain>(IndicatorKey.For(Place, row.Indicator)).GetSeriesAsync(DataView.All);
            var contribution = Assert.Single(Assert.Single(series.Points, p => p.Period == row.Period).Contributions);
            Assert.Equal(new Ledger(row.Indicator, row.Period, contribution.Numerator, contribution.Denominator, contribution.Note), row);
            Assert.Equal(("MFT", 1), (contribution.Agency, contribution.Revision));
        }
        Assert.Equal(expected.Length, ledger.Count);
    }

    [Theory, MemberData(nameof(RejectedFiles))]
    public async Task A_rejected_file_lists_each_problem_precisely_and_changes_nothing(string file, StoreEngine engine)
    {
        await using var api = await ReturnsEndpoint.StartAsync(engine);
        // Something already in the store, so that "unchanged" is not merely "still empty".
        var seeded = await api.PostCsvAsync("place,indicator,period,numerator,denominator\nE08000003,delayed-discharge-days,2026-05,1100,\n");
        Assert.Equal(HttpStatusCode.OK, seeded.StatusCode);
        var before = await api.CountsAsync();

        var response = await api.PostCsvAsync(await File.ReadAllBytesAsync(CorpusPath(file)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Rejected[file], await ReturnsEndpoint.ErrorsAsync(response));
        Assert.Equal(before, await api.CountsAsync());
        Assert.Equal(new StoreCounts(1, 1), before);
    }
}
