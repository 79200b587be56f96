using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Dapper;
using Npgsql;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Benchmarks;

// Issue 16's shape: 4 agencies post 18,000 rows each (150 places of their own × 2 monthly indicators × 60 months) as
// CSV in 10,000-row batches, the agencies at once, each batch after its agency's previous one; then the same rows,
// as ledger rows, are binary-COPYed into a copy of returns_ledger on the same server (4 streams at once, a COPY per
// batch). Prints rows/s for each and the ratio: how close the API comes to the database's ceiling.
//
//   dotnet run -c Release --project tests/benchmarks/Scrutiny.Benchmarks -- agencies
//
// Needs SCRUTINY_TEST_POSTGRES (a server the tool may create and drop databases on).
internal static class AgenciesRun
{
    private const int Agencies = 4;
    private const int PlacesPerAgency = 150;
    private const int Months = 60;
    private const int RowsPerBatch = 10_000;
    private static readonly string[] Indicators = ["delayed-discharge-days", "emergency-admissions-65plus"];

    private sealed record Row(string Place, string Indicator, string Period, double Numerator, double? Denominator);

    public static async Task<int> RunAsync()
    {
        await using var database = await TestDatabase.CreateAsync(StoreEngine.Postgres);
        await using var node = await TestNode.StartAsync(database);
        await MinimalCatalogue.SeedAsync(node.CatalogueWriter);
        var agencies = Enumerable.Range(0, Agencies).Select(a => $"AG{a}").ToList();
        await node.CatalogueWriter.UpsertAgenciesAsync(agencies.Select(a => new Agency(a, $"Agency {a}", "health")));
        await node.CatalogueWriter.UpsertPlacesAsync(Enumerable.Range(0, Agencies * PlacesPerAgency)
            .Select(i => new Place(PlaceCode(i), $"Test borough {i}", "metropolitan_borough", "E47000001")));
        for (var a = 0; a < Agencies; a++)
        {
            await node.CatalogueWriter.AssignIndicatorsAsync(agencies[a], Indicators);
            for (var p = 0; p < PlacesPerAgency; p++)
            {
                var place = a * PlacesPerAgency + p;
                await node.CatalogueWriter.UpsertBoardAsync(new PartnershipBoard($"board-{place}", $"Board {place}", PlaceCode(place), [agencies[a]]));
            }
        }
        var keys = new List<string>();
        foreach (var agency in agencies) keys.Add(await node.CreateAgencyKeyAsync(agency));
        node.Http.Timeout = TimeSpan.FromMinutes(30);
        var batches = Enumerable.Range(0, Agencies).Select(a => RowsOf(a).Chunk(RowsPerBatch).ToList()).ToList();
        var total = batches.Sum(b => b.Sum(rows => rows.Length));

        var api = Stopwatch.StartNew();
        var statuses = await Task.WhenAll(Enumerable.Range(0, Agencies).Select(async a =>
        {
            var answers = new List<string>();
            foreach (var rows in batches[a])
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/returns") { Content = Csv(rows) };
                request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", keys[a]);
                var clock = Stopwatch.StartNew();
                using var response = await node.Http.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                answers.Add($"{agencies[a]} {rows.Length} rows: {(int)response.StatusCode} in {clock.Elapsed.TotalSeconds:F1} s " +
                    (body.Length > 160 ? body[..160] + "…" : body));
            }
            return answers;
        }));
        var apiSeconds = api.Elapsed.TotalSeconds;

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var ledger = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM returns_ledger");
        await connection.ExecuteAsync("CREATE TABLE returns_ledger_ceiling (LIKE returns_ledger INCLUDING ALL)");
        // The product's own ledger writer, into the ceiling table; the entries are made before the clock starts.
        var at = DateTimeOffset.UtcNow;
        var entries = Enumerable.Range(0, Agencies).Select(a => batches[a].Select(rows =>
        {
            var batchId = Guid.CreateVersion7().ToString("N");
            return (IReadOnlyList<LedgerEntry>)[.. rows.Select(row => new LedgerEntry(batchId, row.Place, row.Indicator, row.Period, agencies[a], 1,
                row.Numerator, row.Denominator, null, $"key:{agencies[a]}", at))];
        }).ToList()).ToList();
        var copy = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Agencies).Select(async a =>
        {
            await using var stream = new NpgsqlConnection(database.ConnectionString);
            await stream.OpenAsync();
            foreach (var batch in entries[a])
            {
                await using var transaction = await stream.BeginTransactionAsync();
                await LedgerWriter.AppendAsync(stream, transaction, batch, StoreEngine.Postgres, "returns_ledger_ceiling");
                await transaction.CommitAsync();
            }
        }));
        var copySeconds = copy.Elapsed.TotalSeconds;

        foreach (var line in statuses.SelectMany(s => s)) Console.WriteLine(line);
        Console.WriteLine($"machine           {Environment.ProcessorCount} cores, .NET {Environment.Version}, load {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine($"rows              {total:N0} ({Agencies} agencies × {PlacesPerAgency} places × {Indicators.Length} indicators × {Months} months), {RowsPerBatch:N0}-row batches");
        Console.WriteLine($"ledger rows       {ledger:N0}");
        Console.WriteLine($"api               {apiSeconds:F1} s  {total / apiSeconds:N0} rows/s");
        Console.WriteLine($"binary COPY       {copySeconds:F1} s  {total / copySeconds:N0} rows/s");
        Console.WriteLine($"api / COPY        {copySeconds / apiSeconds:P0}");
        return ledger == total ? 0 : 1;
    }

    private static string PlaceCode(int index) => $"E08{200000 + index:D6}";

    /// <summary>An agency's rows: its places in turn, each indicator's 60 months from 2020-01.</summary>
    private static IEnumerable<Row> RowsOf(int agency)
    {
        for (var p = 0; p < PlacesPerAgency; p++)
        {
            var place = agency * PlacesPerAgency + p;
            foreach (var indicator in Indicators)
            {
                for (var m = 0; m < Months; m++)
                {
                    var value = 500 + (place * 7 + m * 13) % 400;
                    var period = $"{2020 + m / 12}-{m % 12 + 1:00}";
                    yield return indicator == Indicators[0]
                        ? new Row(PlaceCode(place), indicator, period, value, null)
                        : new Row(PlaceCode(place), indicator, period, value, 250_000 + place);
                }
            }
        }
    }

    private static ByteArrayContent Csv(IEnumerable<Row> rows)
    {
        var csv = new StringBuilder("place,indicator,period,numerator,denominator,note\r\n");
        foreach (var r in rows)
            csv.Append(CultureInfo.InvariantCulture, $"{r.Place},{r.Indicator},{r.Period},{r.Numerator},{r.Denominator},\r\n");
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString()));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }
}
