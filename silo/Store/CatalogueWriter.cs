using Dapper;
using Scrutiny.Grains.Catalogue;

namespace Scrutiny.Silo.Store;

/// <summary>Adds to and edits the catalogue: used by the demo seed and by administrators.</summary>
public sealed class CatalogueWriter(Database database)
{
    public Task UpsertPlacesAsync(IEnumerable<Place> places, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            // Parents before children, so that the parent reference always finds its row.
            foreach (var place in ParentsFirst(places.ToList()))
                await connection.ExecuteAsync(
                    """
                    INSERT INTO places (code, name, type, parent_code) VALUES (@Code, @Name, @Type, @ParentCode)
                    ON CONFLICT (code) DO UPDATE SET name = excluded.name, type = excluded.type, parent_code = excluded.parent_code
                    """, place, transaction);
            return 0;
        }, cancellationToken);

    public Task UpsertAgenciesAsync(IEnumerable<Agency> agencies, CancellationToken cancellationToken = default) =>
        ExecuteAllAsync(
            """
            INSERT INTO agencies (code, name, sector) VALUES (@Code, @Name, @Sector)
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, sector = excluded.sector
            """, agencies, cancellationToken);

    public Task UpsertIndicatorsAsync(IEnumerable<IndicatorDefinition> indicators, CancellationToken cancellationToken = default) =>
        ExecuteAllAsync(
            """
            INSERT INTO indicators (code, title, theme, unit, polarity, frequency, combine)
            VALUES (@Code, @Title, @Theme, @Unit, @Polarity, @Frequency, @Combine)
            ON CONFLICT (code) DO UPDATE SET title = excluded.title, theme = excluded.theme, unit = excluded.unit,
                polarity = excluded.polarity, frequency = excluded.frequency, combine = excluded.combine
            """,
            indicators.Select(i => new
            {
                i.Code, i.Title, i.Theme, Unit = CatalogueNames.Name(i.Unit), Polarity = CatalogueNames.Name(i.Polarity),
                Frequency = CatalogueNames.Name(i.Frequency), Combine = CatalogueNames.Name(i.Combine),
            }),
            cancellationToken);

    /// <summary>Sets when an indicator's returns are due and lock, and its target.</summary>
    public Task SetScheduleAsync(IndicatorSchedule schedule, CancellationToken cancellationToken = default) =>
        ExecuteAllAsync("UPDATE indicators SET due_days = @DueDays, lock_days = @LockDays, target = @Target WHERE code = @Code",
            [schedule], cancellationToken);

    /// <summary>Creates or replaces a board and its membership.</summary>
    public Task UpsertBoardAsync(PartnershipBoard board, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO boards (id, name, place_code) VALUES (@Id, @Name, @PlaceCode)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, place_code = excluded.place_code
                """, board, transaction);
            await connection.ExecuteAsync("DELETE FROM board_members WHERE board_id = @Id", board, transaction);
            await connection.ExecuteAsync("INSERT INTO board_members (board_id, agency_code) VALUES (@board, @agency)",
                board.MemberAgencies.Distinct().Select(a => new { board = board.Id, agency = a }), transaction);
            return 0;
        }, cancellationToken);

    /// <summary>Replaces the set of indicators an agency returns.</summary>
    public Task AssignIndicatorsAsync(string agencyCode, IEnumerable<string> indicatorCodes, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync("DELETE FROM agency_indicators WHERE agency_code = @agencyCode", new { agencyCode }, transaction);
            await connection.ExecuteAsync("INSERT INTO agency_indicators (agency_code, indicator_code) VALUES (@agency, @indicator)",
                indicatorCodes.Distinct().Select(i => new { agency = agencyCode, indicator = i }), transaction);
            return 0;
        }, cancellationToken);

    /// <summary>Creates or replaces a comparator group (such as CIPFA nearest neighbours) and its members.</summary>
    public Task UpsertComparatorGroupAsync(string id, string name, string placeCode, IEnumerable<string> members,
        CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO comparator_groups (id, name, place_code) VALUES (@id, @name, @placeCode)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, place_code = excluded.place_code
                """, new { id, name, placeCode }, transaction);
            await connection.ExecuteAsync("DELETE FROM comparator_group_members WHERE group_id = @id", new { id }, transaction);
            await connection.ExecuteAsync("INSERT INTO comparator_group_members (group_id, place_code) VALUES (@id, @place)",
                members.Distinct().Select(p => new { id, place = p }), transaction);
            return 0;
        }, cancellationToken);

    private Task ExecuteAllAsync(string sql, IEnumerable<object> rows, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async (connection, transaction) => await connection.ExecuteAsync(sql, rows, transaction), cancellationToken);

    private static IEnumerable<Place> ParentsFirst(List<Place> places)
    {
        var pending = places.ToDictionary(p => p.Code);
        var emitted = new HashSet<string>();
        while (pending.Count > 0)
        {
            var ready = pending.Values.Where(p => p.ParentCode is null || emitted.Contains(p.ParentCode) || !pending.ContainsKey(p.ParentCode)).ToList();
            if (ready.Count == 0) throw new InvalidOperationException("Places refer to each other as parents in a cycle.");
            foreach (var place in ready)
            {
                pending.Remove(place.Code);
                emitted.Add(place.Code);
                yield return place;
            }
        }
    }
}
