using Dapper;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Publication;

/// <summary>
/// A place's indicator with at least one published value returned for the place itself (a region's figures, made from
/// its places' returns, have no ledger rows of their own): its first and last published periods and when its published
/// values last changed. What the open-data catalogue (<c>/data.json</c>) lists, and nothing of the values themselves.
/// </summary>
public sealed record PublishedDataset(string Place, string Indicator, string FirstPeriod, string LastPeriod, DateTimeOffset Modified);

/// <summary>
/// Every place's published datasets in one read of the returns ledger, rather than one grain call for each of England's
/// 31,700 place–indicators. The ledger holds every value ever accepted, so each indicator's publication rule is applied
/// in the query with the same schedule and releases the indicator grains use: every period under on-acceptance, those
/// up to the newest a days-after rule has published, and the released ones under on-release.
/// </summary>
public sealed class PublishedDatasets(Database database, ICatalogueReader catalogue, PublicationReleases releases, TimeProvider time)
{
    public async Task<IReadOnlyList<PublishedDataset>> ListAsync(CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var indicators = (await catalogue.ListIndicatorsAsync(cancellationToken)).ToDictionary(i => i.Code, StringComparer.Ordinal);
        var schedules = (await catalogue.ListSchedulesAsync(cancellationToken)).ToDictionary(s => s.Code, StringComparer.Ordinal);
        var released = (await releases.ListAsync(null, cancellationToken)).ToLookup(r => r.Indicator, StringComparer.Ordinal);
        var args = new DynamicParameters();
        var rules = new List<string>();
        foreach (var (code, indicator) in indicators)
        {
            var n = rules.Count;
            args.Add($"i{n}", code);
            var schedule = schedules.GetValueOrDefault(code) ?? new IndicatorSchedule(code, IndicatorSchedule.DefaultDueDays, null, null);
            switch (schedule.Publication)
            {
                case PublicationRule.OnAcceptance:
                    rules.Add($"(indicator_code = @i{n})");
                    break;
                case PublicationRule.DaysAfterPeriodEnd when PublicationMoments.LatestPublished(schedule, indicator.Frequency, today) is { } upTo:
                    // Within one frequency a period's text sorts as its time does (2026-09 < 2026-10, 2025/26-Q4 < 2026/27-Q1).
                    args.Add($"p{n}", upTo.ToString());
                    rules.Add($"(indicator_code = @i{n} AND period <= @p{n})");
                    break;
                case PublicationRule.OnRelease when released[code].Any():
                    args.Add($"p{n}", released[code].Select(r => r.Period).ToArray());
                    rules.Add($"(indicator_code = @i{n} AND {SqlDialect.InList("period", $"p{n}", database.Engine)})");
                    break;
            }
        }
        if (rules.Count == 0) return [];
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT place_code AS Place, indicator_code AS Indicator, MIN(period) AS FirstPeriod, MAX(period) AS LastPeriod,
                   MAX(submitted_at) AS LastSubmitted
            FROM returns_ledger WHERE {string.Join(" OR ", rules)}
            GROUP BY place_code, indicator_code ORDER BY place_code, indicator_code
            """, args, cancellationToken: cancellationToken));
        var releasedAt = released.SelectMany(g => g).ToDictionary(r => (r.Indicator, r.Period), r => r.ReleasedAt);
        return [.. rows.Select(r => new PublishedDataset(r.Place, r.Indicator, r.FirstPeriod, r.LastPeriod,
            PublicationMoments.PublicFrom(schedules.GetValueOrDefault(r.Indicator), r.LastPeriod, SqlDialect.ReadTimestamp(r.LastSubmitted),
                releasedAt.TryGetValue((r.Indicator, r.LastPeriod), out var at) ? at : null)))];
    }

    // Settable properties because the timestamp arrives as text (SQLite) or a DateTime (PostgreSQL).
    private sealed class Row
    {
        public string Place { get; set; } = "";
        public string Indicator { get; set; } = "";
        public string FirstPeriod { get; set; } = "";
        public string LastPeriod { get; set; } = "";
        public object LastSubmitted { get; set; } = "";
    }
}
