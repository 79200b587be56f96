using System.Data.Common;
using Dapper;
using Scrutiny.Grains.Contracts;

namespace Scrutiny.Silo.Store;

/// <summary>
/// An indicator's current contributions read from the ledger: each agency's newest revision of each period. The
/// ledger is the one record of them; the indicator grain's stored state holds only its settings.
/// </summary>
public static class LedgerContributions
{
    private const string Newest =
        """
        SELECT place_code AS Place, indicator_code AS Indicator, period AS Period, agency_code AS Agency, revision AS Revision,
               numerator AS Numerator, denominator AS Denominator, note AS Note, batch_id AS BatchId,
               submitted_by AS SubmittedBy, submitted_at AS SubmittedAt
        FROM (SELECT l.*, ROW_NUMBER() OVER (PARTITION BY place_code, indicator_code, period, agency_code ORDER BY revision DESC) AS newest
              FROM returns_ledger l {0}) AS r
        WHERE newest = 1
        """;

    /// <summary>One indicator in one place: the query the grain storage runs with the state row.</summary>
    public static readonly string ForIndicator =
        string.Format(System.Globalization.CultureInfo.InvariantCulture, Newest, "WHERE place_code = @place AND indicator_code = @indicator");

    /// <summary>Every place and indicator's newest rows, keyed as the indicator grains are (<see cref="IndicatorKey"/>).</summary>
    public static async Task<IReadOnlyDictionary<string, Dictionary<string, Dictionary<string, Contribution>>>> ReadAllAsync(
        DbConnection connection, DbTransaction transaction)
    {
        var rows = await connection.QueryAsync<NewestRow>(string.Format(System.Globalization.CultureInfo.InvariantCulture, Newest, ""), transaction: transaction);
        return rows.GroupBy(r => IndicatorKey.For(r.Place, r.Indicator), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => ByPeriod(g), StringComparer.Ordinal);
    }

    /// <summary>Period → agency → contribution.</summary>
    public static Dictionary<string, Dictionary<string, Contribution>> ByPeriod(IEnumerable<NewestRow> rows)
    {
        var periods = new Dictionary<string, Dictionary<string, Contribution>>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            if (!periods.TryGetValue(r.Period, out var byAgency)) periods[r.Period] = byAgency = new(StringComparer.Ordinal);
            byAgency[r.Agency] = new Contribution(r.Agency, r.Numerator, r.Denominator, r.Note, r.Revision, r.BatchId,
                r.SubmittedBy, SqlDialect.ReadTimestamp(r.SubmittedAt));
        }
        return periods;
    }

    /// <summary>A ledger row as read (a class, so that Dapper converts SQLite's 64-bit whole numbers and text timestamps).</summary>
    public sealed class NewestRow
    {
        public string Place { get; init; } = "";
        public string Indicator { get; init; } = "";
        public string Period { get; init; } = "";
        public string Agency { get; init; } = "";
        public int Revision { get; init; }
        public double Numerator { get; init; }
        public double? Denominator { get; init; }
        public string? Note { get; init; }
        public string BatchId { get; init; } = "";
        public string SubmittedBy { get; init; } = "";
        public object SubmittedAt { get; init; } = "";
    }
}
