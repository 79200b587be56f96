using System.Globalization;
using System.Net;
using System.Text;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Tests.Returns;

/// <summary>
/// A batch's commit as each store does it (binary COPY on PostgreSQL, one INSERT a row on SQLite): the ledger keeps every
/// field as sent, a batch rejected after many rows keeps nothing, and nothing is staged on the way.
/// </summary>
public sealed class BatchCommitTests
{
    private const string Place = "E08000003";

    [Theory]
    [InlineData(StoreEngine.Sqlite)]
    [InlineData(StoreEngine.Postgres)]
    public async Task The_ledger_keeps_notes_null_denominators_and_unicode_as_sent(StoreEngine engine)
    {
        await using var api = await ReturnsEndpoint.StartAsync(engine);
        var csv = """
            place,indicator,period,numerator,denominator,note
            E08000003,delayed-discharge-days,2025-01,1100,,
            E08000003,delayed-discharge-days,2025-02,0,,"Ward 7 closed, ""deep clean"" — Ysbyty Gwynedd, Ōsaka 大阪"
            E08000003,emergency-admissions-65plus,2025-01,812.5,41230,
            E08000003,emergency-admissions-65plus,2025-02,1e3,41230.25,  leading and trailing spaces kept  
            """;

        var response = await api.PostCsvAsync(csv);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal((4, 0, 0, false), await ReturnsEndpoint.SummaryAsync(response));
        (int Row, string Indicator, string Period, double Numerator, double? Denominator, string? Note)[] expected =
        [
            (1, "delayed-discharge-days", "2025-01", 1100, null, null),
            (2, "delayed-discharge-days", "2025-02", 0, null, "Ward 7 closed, \"deep clean\" — Ysbyty Gwynedd, Ōsaka 大阪"),
            (3, "emergency-admissions-65plus", "2025-01", 812.5, 41230, null),
            (4, "emergency-admissions-65plus", "2025-02", 1000, 41230.25, "  leading and trailing spaces kept  "),
        ];
        await using var connection = await api.Node.Services.GetRequiredService<Database>().OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM return_batch_rows"));
        var ledger = await connection.QueryAsync<(string Indicator, string Period, double Numerator, double? Denominator, string? Note, long Revision, string Agency)>(
            "SELECT indicator_code, period, numerator, denominator, note, revision, agency_code FROM returns_ledger ORDER BY indicator_code, period");
        Assert.Equal(expected.Select(e => (e.Indicator, e.Period, e.Numerator, e.Denominator, e.Note, 1L, "MFT")), ledger);
    }

    [Theory]
    [InlineData(StoreEngine.Sqlite)]
    [InlineData(StoreEngine.Postgres)]
    public async Task A_value_given_twice_is_caught_within_its_own_batch_and_never_against_an_earlier_one(StoreEngine engine)
    {
        // The node keeps its sets of seen values from batch to batch (a 10,000-row batch's is on the large object heap):
        // none may carry a value over to the next batch.
        await using var api = await ReturnsEndpoint.StartAsync(engine);
        const string header = "place,indicator,period,numerator,denominator,note\n";
        var rows = string.Concat(Enumerable.Range(1, 300).Select(m => $"{Place},delayed-discharge-days,{1990 + m / 12}-{m % 12 + 1:00},{m},,\n"));

        for (var round = 0; round < 3; round++)
        {
            var again = await api.PostCsvAsync(header + rows);
            Assert.True(again.StatusCode == HttpStatusCode.OK, await again.Content.ReadAsStringAsync());
        }
        var twice = await api.PostCsvAsync(header + rows + $"{Place},delayed-discharge-days,1990-02,9,,\n");

        Assert.Equal((int)HttpStatusCode.UnprocessableEntity, (int)twice.StatusCode);
        Assert.Equal([(301, "row", "duplicate")], await ReturnsEndpoint.ErrorsAsync(twice));
    }

    [Theory]
    [InlineData(StoreEngine.Sqlite)]
    [InlineData(StoreEngine.Postgres)]
    public async Task A_batch_rejected_after_a_thousand_good_rows_keeps_none_and_the_store_takes_the_next(StoreEngine engine)
    {
        await using var api = await ReturnsEndpoint.StartAsync(engine);
        // 1,200 valid rows (1900-01 to 1999-12), then a bad one.
        var csv = new StringBuilder("place,indicator,period,numerator,denominator,note\n");
        var months = Enumerable.Range(0, 1200).Select(m => $"{1900 + m / 12}-{m % 12 + 1:00}").ToList();
        foreach (var period in months) csv.Append(CultureInfo.InvariantCulture, $"{Place},delayed-discharge-days,{period},5,,a note on {period}\n");
        var good = csv.ToString();
        csv.Append(CultureInfo.InvariantCulture, $"{Place},delayed-discharge-days,2100-01,-1,,\n");

        var rejected = await api.PostCsvAsync(csv.ToString());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, rejected.StatusCode);
        var errors = await ReturnsEndpoint.ErrorsAsync(rejected);
        Assert.Contains((1201, "period", "future_period"), errors);
        Assert.Contains((1201, "numerator", "not_whole"), errors);
        Assert.Equal(new StoreCounts(0, 0), await api.CountsAsync());

        // The same rows without the bad one go in whole.
        var accepted = await api.PostCsvAsync(good);
        Assert.True(accepted.StatusCode == HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        Assert.Equal((1200, 0, 0, false), await ReturnsEndpoint.SummaryAsync(accepted));
        Assert.Equal(new StoreCounts(1200, 1), await api.CountsAsync());
    }
}
