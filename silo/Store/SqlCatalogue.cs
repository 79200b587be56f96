using System.Globalization;
using Dapper;
using Scrutiny.Grains.Catalogue;

namespace Scrutiny.Silo.Store;

/// <summary>The catalogue tables, read and written.</summary>
public sealed class SqlCatalogue(Database database) : ICatalogueReader
{
    private const string IndicatorColumns = "code, title, theme, unit, polarity, frequency, combine";

    public async Task<IndicatorDefinition?> FindIndicatorAsync(string code, CancellationToken cancellationToken = default) =>
        (await QueryAsync<IndicatorRow>($"SELECT {IndicatorColumns} FROM indicators WHERE code = @code", new { code }, cancellationToken))
            .Select(r => r.ToDefinition()).SingleOrDefault();

    public async Task<IReadOnlyList<IndicatorDefinition>> ListIndicatorsAsync(CancellationToken cancellationToken = default) =>
        [.. (await QueryAsync<IndicatorRow>($"SELECT {IndicatorColumns} FROM indicators ORDER BY theme, code", null, cancellationToken))
            .Select(r => r.ToDefinition())];

    public async Task<Place?> FindPlaceAsync(string code, CancellationToken cancellationToken = default) =>
        (await QueryAsync<Place>("SELECT code, name, type, parent_code AS ParentCode FROM places WHERE code = @code", new { code }, cancellationToken))
            .SingleOrDefault();

    public async Task<IReadOnlyList<Place>> ListPlacesAsync(CancellationToken cancellationToken = default) =>
        await QueryAsync<Place>("SELECT code, name, type, parent_code AS ParentCode FROM places ORDER BY name", null, cancellationToken);

    public async Task<PlaceHierarchy> PlaceHierarchyAsync(CancellationToken cancellationToken = default) =>
        new(await ListPlacesAsync(cancellationToken));

    public async Task<Agency?> FindAgencyAsync(string code, CancellationToken cancellationToken = default) =>
        (await QueryAsync<Agency>("SELECT code, name, sector FROM agencies WHERE code = @code", new { code }, cancellationToken))
            .SingleOrDefault();

    public async Task<IReadOnlyList<Agency>> ListAgenciesAsync(CancellationToken cancellationToken = default) =>
        await QueryAsync<Agency>("SELECT code, name, sector FROM agencies ORDER BY name", null, cancellationToken);

    public async Task<PartnershipBoard?> FindBoardAsync(string id, CancellationToken cancellationToken = default) =>
        (await ListBoardsWhereAsync("b.id = @id", new { id }, cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<PartnershipBoard>> ListBoardsAsync(string? placeCode = null, CancellationToken cancellationToken = default) =>
        placeCode is null
            ? ListBoardsWhereAsync("1 = 1", null, cancellationToken)
            : ListBoardsWhereAsync("b.place_code = @placeCode", new { placeCode }, cancellationToken);

    /// <summary>Every comparator group, or those of one place, by name, with their members.</summary>
    public async Task<IReadOnlyList<ComparatorGroupDefinition>> ListComparatorGroupsAsync(string? placeCode = null,
        CancellationToken cancellationToken = default)
    {
        var groups = await QueryAsync<(string Id, string Name, string PlaceCode)>(
            $"SELECT id, name, place_code FROM comparator_groups {(placeCode is null ? "" : "WHERE place_code = @placeCode")} ORDER BY name, id",
            new { placeCode }, cancellationToken);
        var members = (await QueryAsync<(string GroupId, string PlaceCode)>(
            "SELECT group_id, place_code FROM comparator_group_members ORDER BY place_code", null, cancellationToken))
            .ToLookup(m => m.GroupId, m => m.PlaceCode, StringComparer.Ordinal);
        return [.. groups.Select(g => new ComparatorGroupDefinition(g.Id, g.Name, g.PlaceCode, [.. members[g.Id]]))];
    }

    public Task<IReadOnlyList<IndicatorSchedule>> ListSchedulesAsync(CancellationToken cancellationToken = default) =>
        SchedulesWhereAsync("1 = 1", null, cancellationToken);

    public async Task<IndicatorSchedule?> FindScheduleAsync(string code, CancellationToken cancellationToken = default) =>
        (await SchedulesWhereAsync("code = @code", new { code }, cancellationToken)).SingleOrDefault();

    private async Task<IReadOnlyList<IndicatorSchedule>> SchedulesWhereAsync(string where, object? parameters, CancellationToken cancellationToken) =>
        [.. (await QueryAsync<(string Code, long DueDays, long? LockDays, double? Target, string Publication, long PublishDays)>(
            $"SELECT code, due_days, lock_days, target, publication, publish_days FROM indicators WHERE {where} ORDER BY code",
            parameters, cancellationToken))
            .Select(r => new IndicatorSchedule(r.Code, (int)r.DueDays, (int?)r.LockDays, r.Target,
                CatalogueNames.Parse<PublicationRule>(r.Publication), (int)r.PublishDays))];

    public async Task<IReadOnlySet<string>> ListReleasedPeriodsAsync(string indicatorCode, CancellationToken cancellationToken = default) =>
        (await QueryAsync<string>("SELECT period FROM publication_releases WHERE indicator_code = @indicatorCode",
            new { indicatorCode }, cancellationToken)).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// What an agency may submit: the places where it sits on a partnership board and the indicators assigned to it.
    /// </summary>
    public async Task<AgencyScope> AgencyScopeAsync(string agencyCode, CancellationToken cancellationToken = default)
    {
        var places = await QueryAsync<string>(
            "SELECT DISTINCT b.place_code FROM boards b JOIN board_members m ON m.board_id = b.id WHERE m.agency_code = @agencyCode",
            new { agencyCode }, cancellationToken);
        var indicators = await QueryAsync<string>(
            "SELECT indicator_code FROM agency_indicators WHERE agency_code = @agencyCode", new { agencyCode }, cancellationToken);
        return new AgencyScope(places.ToHashSet(StringComparer.Ordinal), indicators.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Every agency with what it may submit: the places of the boards it sits on, the indicators assigned to it.</summary>
    public async Task<IReadOnlyList<(Agency Agency, AgencyScope Scope)>> ListAgencyScopesAsync(CancellationToken cancellationToken = default)
    {
        var agencies = await ListAgenciesAsync(cancellationToken);
        var places = (await QueryAsync<(string Agency, string Place)>(
            "SELECT DISTINCT m.agency_code, b.place_code FROM board_members m JOIN boards b ON b.id = m.board_id", null, cancellationToken))
            .ToLookup(r => r.Agency, r => r.Place, StringComparer.Ordinal);
        var indicators = await AssignedIndicatorsAsync(cancellationToken);
        return [.. agencies.Select(a => (a, new AgencyScope(
            places[a.Code].ToHashSet(StringComparer.Ordinal), indicators.GetValueOrDefault(a.Code) ?? new HashSet<string>(StringComparer.Ordinal))))];
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlySet<string>>> AssignedIndicatorsAsync(CancellationToken cancellationToken = default) =>
        (await QueryAsync<(string Agency, string Indicator)>("SELECT agency_code, indicator_code FROM agency_indicators", null, cancellationToken))
        .GroupBy(r => r.Agency, r => r.Indicator, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, IReadOnlySet<string> (g) => g.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>
    /// Every revision of every value of an indicator in a place, as the returns ledger holds them: oldest period
    /// first, then by agency and revision.
    /// </summary>
    public async Task<IReadOnlyList<Grains.Contracts.LedgerEntry>> ListRevisionsAsync(string placeCode, string indicatorCode,
        CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync<LedgerRow>(
            $"SELECT {LedgerRow.Columns} FROM returns_ledger WHERE place_code = @placeCode AND indicator_code = @indicatorCode",
            new { placeCode, indicatorCode }, cancellationToken);
        return [.. rows
            .Select(r => r.ToEntry())
            .OrderBy(e => Period.TryParse(e.Period, out var p) ? p.Start : DateOnly.MinValue)
            .ThenBy(e => e.Period, StringComparer.Ordinal)
            .ThenBy(e => e.Agency, StringComparer.Ordinal)
            .ThenBy(e => e.Revision)];
    }

    /// <summary>
    /// Of <paramref name="indicatorCodes"/> (single-source indicators) in <paramref name="placeCodes"/>, those where another
    /// agency than <paramref name="agencyCode"/> has already returned values, and which agency: a second source there
    /// would silently replace the first. Read by the ledger's key, place and indicator, not over the whole ledger.
    /// </summary>
    public async Task<IReadOnlyDictionary<(string Place, string Indicator), string>> OtherSingleSourcesAsync(string agencyCode,
        IReadOnlyCollection<string> placeCodes, IReadOnlyCollection<string> indicatorCodes, CancellationToken cancellationToken = default)
    {
        if (placeCodes.Count == 0 || indicatorCodes.Count == 0) return new Dictionary<(string, string), string>();
        var rows = await QueryAsync<(string Place, string Indicator, string Agency)>(
            $"""
            SELECT DISTINCT place_code, indicator_code, agency_code FROM returns_ledger
            WHERE {SqlDialect.InList("place_code", "places", database.Engine)} AND {SqlDialect.InList("indicator_code", "indicators", database.Engine)}
              AND agency_code <> @agencyCode
            """, new { agencyCode, places = placeCodes.ToArray(), indicators = indicatorCodes.ToArray() }, cancellationToken);
        return rows.GroupBy(r => (r.Place, r.Indicator)).ToDictionary(g => g.Key, g => g.First().Agency);
    }

    private async Task<IReadOnlyList<PartnershipBoard>> ListBoardsWhereAsync(string where, object? args, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync<(string Id, string Name, string PlaceCode, string? Chair, string? Agency)>(
            $"""
            SELECT b.id, b.name, b.place_code, b.chair, m.agency_code
            FROM boards b LEFT JOIN board_members m ON m.board_id = b.id
            WHERE {where} ORDER BY b.name, m.agency_code
            """, args, cancellationToken);
        var meetings = (await QueryAsync<(string BoardId, string MeetsOn)>(
                $"SELECT board_id, meets_on FROM board_meetings WHERE board_id IN (SELECT b.id FROM boards b WHERE {where}) ORDER BY meets_on",
                args, cancellationToken))
            .ToLookup(m => m.BoardId, m => DateOnly.ParseExact(m.MeetsOn, "yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparer.Ordinal);
        return [.. rows.GroupBy(r => (r.Id, r.Name, r.PlaceCode, r.Chair))
            .Select(g => new PartnershipBoard(g.Key.Id, g.Key.Name, g.Key.PlaceCode,
                [.. g.Where(r => r.Agency is not null).Select(r => r.Agency!)], g.Key.Chair, [.. meetings[g.Key.Id]]))];
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? args, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<T>(new CommandDefinition(sql, args, cancellationToken: cancellationToken))];
    }

    private sealed record IndicatorRow(string Code, string Title, string Theme, string Unit, string Polarity, string Frequency, string Combine)
    {
        public IndicatorDefinition ToDefinition() => new(Code, Title, Theme,
            CatalogueNames.Parse<IndicatorUnit>(Unit), CatalogueNames.Parse<Polarity>(Polarity),
            CatalogueNames.Parse<Frequency>(Frequency), CatalogueNames.Parse<CombineMethod>(Combine));
    }
}
