using Dapper;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;

namespace Scrutiny.Silo.Store;

/// <summary>Adds to and edits the catalogue: used by the demo seed and by administrators.</summary>
public sealed class CatalogueWriter(Database database, NodeCatalogue catalogue)
{
    // One statement each for the seed's and tests' upserts and the administrators' audited saves.
    private const string UpsertPlace =
        """
        INSERT INTO places (code, name, type, parent_code) VALUES (@Code, @Name, @Type, @ParentCode)
        ON CONFLICT (code) DO UPDATE SET name = excluded.name, type = excluded.type, parent_code = excluded.parent_code
        """;

    private const string UpsertBoardRow =
        """
        INSERT INTO boards (id, name, place_code) VALUES (@Id, @Name, @PlaceCode)
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, place_code = excluded.place_code
        """;

    public Task UpsertPlacesAsync(IEnumerable<Place> places, CancellationToken cancellationToken = default) =>
        catalogue.WriteAsync(async (connection, transaction) =>
        {
            // Parents before children, so that the parent reference always finds its row.
            foreach (var place in ParentsFirst(places.ToList()))
                await connection.ExecuteAsync(UpsertPlace, place, transaction);
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

    /// <summary>Sets when an indicator's returns are due and lock, its target and when its values are published.</summary>
    public Task SetScheduleAsync(IndicatorSchedule schedule, CancellationToken cancellationToken = default) =>
        ExecuteAllAsync("""
            UPDATE indicators SET due_days = @DueDays, lock_days = @LockDays, target = @Target,
                publication = @Publication, publish_days = @PublishDays
            WHERE code = @Code
            """,
            [new { schedule.Code, schedule.DueDays, schedule.LockDays, schedule.Target,
                Publication = CatalogueNames.Name(schedule.Publication), schedule.PublishDays }], cancellationToken);

    /// <summary>Creates or replaces a board and its membership.</summary>
    public Task UpsertBoardAsync(PartnershipBoard board, CancellationToken cancellationToken = default) =>
        catalogue.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(UpsertBoardRow, board, transaction);
            await connection.ExecuteAsync("DELETE FROM board_members WHERE board_id = @Id", board, transaction);
            await connection.ExecuteAsync("INSERT INTO board_members (board_id, agency_code) VALUES (@board, @agency)",
                board.MemberAgencies.Distinct().Select(a => new { board = board.Id, agency = a }), transaction);
            return 0;
        }, cancellationToken);

    /// <summary>
    /// Creates or replaces a place (name, type, parent) with an audit row when anything changed; true when it was new.
    /// Its boards, agencies and figures are left as they are: a place is renamed or moved, never emptied, by this.
    /// </summary>
    public Task<bool> SavePlaceAsync(Place place, string actor, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        catalogue.WriteAsync(async (connection, transaction) =>
        {
            var before = await connection.QuerySingleOrDefaultAsync<Place>(
                "SELECT code, name, type, parent_code AS ParentCode FROM places WHERE code = @Code", place, transaction);
            if (before == place) return false;
            await connection.ExecuteAsync(UpsertPlace, place, transaction);
            await new AuditTrail(connection, transaction, actor, at, database.Engine)
                .WriteAsync(before is null ? "place_created" : "place_updated", place.Code, new { before, after = place });
            return before is null;
        }, cancellationToken);

    /// <summary>
    /// Creates a board of a place, or renames or moves one, with an audit row when anything changed; true when it was
    /// new. Its members are left as they are: agencies join and leave boards through their own saves.
    /// </summary>
    public Task<bool> SaveBoardAsync(string id, string name, string placeCode, string actor, DateTimeOffset at,
        CancellationToken cancellationToken = default) =>
        catalogue.WriteAsync(async (connection, transaction) =>
        {
            var after = new BoardRow(id, name, placeCode);
            var before = await connection.QuerySingleOrDefaultAsync<BoardRow>(
                "SELECT id, name, place_code AS PlaceCode FROM boards WHERE id = @Id", after, transaction);
            if (before == after) return false;
            await connection.ExecuteAsync(UpsertBoardRow, after, transaction);
            await new AuditTrail(connection, transaction, actor, at, database.Engine)
                .WriteAsync(before is null ? "board_created" : "board_updated", id, new { before, after });
            return before is null;
        }, cancellationToken);

    /// <summary>Replaces the set of indicators an agency returns.</summary>
    public Task AssignIndicatorsAsync(string agencyCode, IEnumerable<string> indicatorCodes, CancellationToken cancellationToken = default) =>
        catalogue.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync("DELETE FROM agency_indicators WHERE agency_code = @agencyCode", new { agencyCode }, transaction);
            await connection.ExecuteAsync("INSERT INTO agency_indicators (agency_code, indicator_code) VALUES (@agency, @indicator)",
                indicatorCodes.Distinct().Select(i => new { agency = agencyCode, indicator = i }), transaction);
            return 0;
        }, cancellationToken);

    /// <summary>
    /// Creates or replaces a comparator group (such as CIPFA nearest neighbours) and its members; audited when an
    /// <paramref name="actor"/> is named (the demo seed names none). True when the group is new.
    /// </summary>
    public Task<bool> SaveComparatorGroupAsync(ComparatorGroupDefinition group, string? actor, DateTimeOffset at,
        CancellationToken cancellationToken = default) =>
        catalogue.WriteAsync(async (connection, transaction) =>
        {
            var created = await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM comparator_groups WHERE id = @Id", group, transaction) == 0;
            await connection.ExecuteAsync(
                """
                INSERT INTO comparator_groups (id, name, place_code) VALUES (@Id, @Name, @PlaceCode)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, place_code = excluded.place_code
                """, group, transaction);
            await connection.ExecuteAsync("DELETE FROM comparator_group_members WHERE group_id = @Id", group, transaction);
            await connection.ExecuteAsync("INSERT INTO comparator_group_members (group_id, place_code) VALUES (@id, @place)",
                group.Members.Distinct().Select(p => new { id = group.Id, place = p }), transaction);
            if (actor is not null)
                await new AuditTrail(connection, transaction, actor, at, database.Engine)
                    .WriteAsync(created ? "comparator_group_created" : "comparator_group_updated", group.Id, group);
            return created;
        }, cancellationToken);

    /// <summary>An indicator that would have more than one source in a place: the agencies that would return it.</summary>
    public sealed record SingleSourceClash(string Place, string Indicator, IReadOnlyList<string> Agencies);

    /// <summary>What <see cref="SaveAgencyAsync"/> did: nothing when there are clashes.</summary>
    public sealed record AgencySaved(bool Created, IReadOnlyList<SingleSourceClash> Clashes);

    /// <summary>
    /// Creates or replaces an agency, the places whose boards it sits on and the indicators assigned to it, in one
    /// transaction with an audit row per change. In a listed place where the agency sits on no board yet it joins
    /// every board of the place (each listed place must have one); it leaves the boards of places not listed.
    /// Writes nothing when a single-source indicator would get a second source in a place.
    /// </summary>
    public Task<AgencySaved> SaveAgencyAsync(Agency agency, AgencyScope scope, string actor, DateTimeOffset at,
        CancellationToken cancellationToken = default) =>
        catalogue.WriteAsync(async (connection, transaction) =>
        {
            await SerialiseAdministratorsAsync(connection, transaction);
            var sources = await SingleSourceAssignmentsAsync(connection, transaction);
            var clashes = sources
                .Where(s => s.Agency != agency.Code && scope.Places.Contains(s.Place) && scope.Indicators.Contains(s.Indicator))
                .GroupBy(s => (s.Place, s.Indicator))
                .Select(g => new SingleSourceClash(g.Key.Place, g.Key.Indicator, [.. g.Select(s => s.Agency).Distinct().Order(StringComparer.Ordinal)]))
                .OrderBy(c => c.Place, StringComparer.Ordinal).ThenBy(c => c.Indicator, StringComparer.Ordinal)
                .ToList();
            if (clashes.Count > 0) return new AgencySaved(false, clashes);

            var audit = new AuditTrail(connection, transaction, actor, at, database.Engine);
            var before = await connection.QuerySingleOrDefaultAsync<Agency>(
                "SELECT code, name, sector FROM agencies WHERE code = @Code", agency, transaction);
            if (before != agency)
            {
                await connection.ExecuteAsync(
                    """
                    INSERT INTO agencies (code, name, sector) VALUES (@Code, @Name, @Sector)
                    ON CONFLICT (code) DO UPDATE SET name = excluded.name, sector = excluded.sector
                    """, agency, transaction);
                await audit.WriteAsync(before is null ? "agency_created" : "agency_updated", agency.Code, new { before, after = agency });
            }

            var boards = (await connection.QueryAsync<(string Id, string Place)>("SELECT id, place_code FROM boards", transaction: transaction)).ToList();
            var memberOf = (await connection.QueryAsync<string>(
                "SELECT board_id FROM board_members WHERE agency_code = @Code", agency, transaction)).ToHashSet(StringComparer.Ordinal);
            foreach (var place in scope.Places.Order(StringComparer.Ordinal))
            {
                var placeBoards = boards.Where(b => b.Place == place).Select(b => b.Id).Order(StringComparer.Ordinal).ToList();
                if (placeBoards.Count == 0) throw new InvalidOperationException($"Place {place} has no partnership board.");
                if (placeBoards.Any(memberOf.Contains)) continue;
                foreach (var board in placeBoards)
                {
                    await connection.ExecuteAsync("INSERT INTO board_members (board_id, agency_code) VALUES (@board, @agency)",
                        new { board, agency = agency.Code }, transaction);
                    await audit.WriteAsync("board_member_added", board, new { agency = agency.Code, place });
                }
            }
            foreach (var (board, place) in boards.Where(b => memberOf.Contains(b.Id) && !scope.Places.Contains(b.Place)).OrderBy(b => b.Id, StringComparer.Ordinal))
            {
                await connection.ExecuteAsync("DELETE FROM board_members WHERE board_id = @board AND agency_code = @agency",
                    new { board, agency = agency.Code }, transaction);
                await audit.WriteAsync("board_member_removed", board, new { agency = agency.Code, place });
            }

            var assigned = (await connection.QueryAsync<string>(
                "SELECT indicator_code FROM agency_indicators WHERE agency_code = @Code", agency, transaction)).ToHashSet(StringComparer.Ordinal);
            foreach (var indicator in assigned.Where(i => !scope.Indicators.Contains(i)).Order(StringComparer.Ordinal))
            {
                await connection.ExecuteAsync("DELETE FROM agency_indicators WHERE agency_code = @agency AND indicator_code = @indicator",
                    new { agency = agency.Code, indicator }, transaction);
                await audit.WriteAsync("indicator_unassigned", agency.Code, new { indicator });
            }
            foreach (var indicator in scope.Indicators.Where(i => !assigned.Contains(i)).Order(StringComparer.Ordinal))
            {
                await connection.ExecuteAsync("INSERT INTO agency_indicators (agency_code, indicator_code) VALUES (@agency, @indicator)",
                    new { agency = agency.Code, indicator }, transaction);
                await audit.WriteAsync("indicator_assigned", agency.Code, new { indicator });
            }
            return new AgencySaved(before is null, []);
        }, cancellationToken);

    /// <summary>
    /// What <see cref="SaveIndicatorsAsync"/> did, by indicator code. Nothing is written when any of
    /// <see cref="AlreadyExist"/> (creating only), <see cref="HaveReturns"/> or <see cref="Clashes"/> is not empty.
    /// </summary>
    public sealed record IndicatorsSaved(
        IReadOnlyList<string> Created, IReadOnlyList<string> Updated, IReadOnlyList<string> Unchanged,
        IReadOnlyList<string> AlreadyExist, IReadOnlyList<string> HaveReturns, IReadOnlyList<SingleSourceClash> Clashes)
    {
        public bool Written => AlreadyExist.Count == 0 && HaveReturns.Count == 0 && Clashes.Count == 0;
    }

    /// <summary>
    /// Creates or replaces indicator definitions with their schedules, all or none, with an audit row for each one
    /// that changes. Refused, writing nothing: with <paramref name="createOnly"/>, any that exists already; a change
    /// of unit or frequency once returns exist (the ledger's numbers and periods would be read differently); a
    /// change to <c>single_source</c> where a place already has several agencies assigned the indicator.
    /// </summary>
    public Task<IndicatorsSaved> SaveIndicatorsAsync(
        IReadOnlyList<(IndicatorDefinition Definition, IndicatorSchedule Schedule)> indicators, bool createOnly, string actor,
        DateTimeOffset at, CancellationToken cancellationToken = default) =>
        catalogue.WriteAsync(async (connection, transaction) =>
        {
            await SerialiseAdministratorsAsync(connection, transaction);
            var rows = indicators.Select(i => IndicatorWrite.From(i.Definition, i.Schedule)).ToList();
            var existing = (await connection.QueryAsync<StoredIndicator>(
                """
                SELECT code, title, theme, unit, polarity, frequency, combine, due_days AS DueDays, lock_days AS LockDays, target,
                    publication, publish_days AS PublishDays
                FROM indicators
                """,
                transaction: transaction)).Select(r => r.ToWrite()).ToDictionary(r => r.Code, StringComparer.Ordinal);
            var withReturns = (await connection.QueryAsync<string>("SELECT DISTINCT indicator_code FROM returns_ledger", transaction: transaction))
                .ToHashSet(StringComparer.Ordinal);
            var singleSource = CatalogueNames.Name(CombineMethod.SingleSource);
            var becomingSingle = rows.Where(r => r.Combine == singleSource && existing.TryGetValue(r.Code, out var e) && e.Combine != singleSource)
                .Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
            var clashes = (await AssignmentsAsync(connection, transaction, onlySingleSource: false))
                .Where(s => becomingSingle.Contains(s.Indicator))
                .GroupBy(s => (s.Place, s.Indicator))
                .Where(g => g.Select(s => s.Agency).Distinct().Count() > 1)
                .Select(g => new SingleSourceClash(g.Key.Place, g.Key.Indicator, [.. g.Select(s => s.Agency).Distinct().Order(StringComparer.Ordinal)]))
                .OrderBy(c => c.Indicator, StringComparer.Ordinal).ThenBy(c => c.Place, StringComparer.Ordinal)
                .ToList();
            var alreadyExist = createOnly ? rows.Where(r => existing.ContainsKey(r.Code)).Select(r => r.Code).ToList() : [];
            var haveReturns = rows.Where(r => withReturns.Contains(r.Code) && existing.TryGetValue(r.Code, out var e)
                && (e.Unit != r.Unit || e.Frequency != r.Frequency)).Select(r => r.Code).ToList();
            if (alreadyExist.Count > 0 || haveReturns.Count > 0 || clashes.Count > 0)
                return new IndicatorsSaved([], [], [], alreadyExist, haveReturns, clashes);

            var audit = new AuditTrail(connection, transaction, actor, at, database.Engine);
            List<string> created = [], updated = [], unchanged = [];
            foreach (var row in rows)
            {
                var before = existing.GetValueOrDefault(row.Code);
                if (before == row) { unchanged.Add(row.Code); continue; }
                await connection.ExecuteAsync(
                    """
                    INSERT INTO indicators (code, title, theme, unit, polarity, frequency, combine, due_days, lock_days, target,
                        publication, publish_days)
                    VALUES (@Code, @Title, @Theme, @Unit, @Polarity, @Frequency, @Combine, @DueDays, @LockDays, @Target,
                        @Publication, @PublishDays)
                    ON CONFLICT (code) DO UPDATE SET title = excluded.title, theme = excluded.theme, unit = excluded.unit,
                        polarity = excluded.polarity, frequency = excluded.frequency, combine = excluded.combine,
                        due_days = excluded.due_days, lock_days = excluded.lock_days, target = excluded.target,
                        publication = excluded.publication, publish_days = excluded.publish_days
                    """, row, transaction);
                await audit.WriteAsync(before is null ? "indicator_created" : "indicator_updated", row.Code, new { before, after = row });
                (before is null ? created : updated).Add(row.Code);
                existing[row.Code] = row;
            }
            return new IndicatorsSaved(created, updated, unchanged, [], [], []);
        }, cancellationToken);

    // Checks and writes by administrators read before they write; one at a time, so that two of them cannot each
    // pass the single-source check and together break it. SQLite's write lock already serialises transactions.
    private async Task SerialiseAdministratorsAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction)
    {
        if (database.Engine == StoreEngine.Postgres)
            await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@id)", new { id = AdministratorsLockId }, transaction);
    }

    // Any fixed number distinct from the schema migrator's.
    private const long AdministratorsLockId = 0x5C7_0002;

    private static Task<IReadOnlyList<(string Place, string Indicator, string Agency)>> SingleSourceAssignmentsAsync(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction) =>
        AssignmentsAsync(connection, transaction, onlySingleSource: true);

    /// <summary>Which agency may return which indicator where: it sits on a board of the place and is assigned the indicator.</summary>
    private static async Task<IReadOnlyList<(string Place, string Indicator, string Agency)>> AssignmentsAsync(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, bool onlySingleSource) =>
        [.. await connection.QueryAsync<(string, string, string)>(
            $"""
            SELECT DISTINCT b.place_code, ai.indicator_code, ai.agency_code
            FROM agency_indicators ai
            JOIN indicators i ON i.code = ai.indicator_code
            JOIN board_members m ON m.agency_code = ai.agency_code
            JOIN boards b ON b.id = m.board_id
            {(onlySingleSource ? "WHERE i.combine = @combine" : "")}
            """, new { combine = CatalogueNames.Name(CombineMethod.SingleSource) }, transaction)];

    /// <summary>A board's own row, without its members.</summary>
    private sealed record BoardRow(string Id, string Name, string PlaceCode);

    /// <summary>An indicator row as stored, names and all, so that "unchanged" is a plain comparison.</summary>
    private sealed record IndicatorWrite(string Code, string Title, string Theme, string Unit, string Polarity, string Frequency,
        string Combine, long DueDays, long? LockDays, double? Target, string Publication, long PublishDays)
    {
        public static IndicatorWrite From(IndicatorDefinition d, IndicatorSchedule s) => new(d.Code, d.Title, d.Theme,
            CatalogueNames.Name(d.Unit), CatalogueNames.Name(d.Polarity), CatalogueNames.Name(d.Frequency), CatalogueNames.Name(d.Combine),
            s.DueDays, s.LockDays, s.Target, CatalogueNames.Name(s.Publication), s.PublishDays);
    }

    // Settable properties rather than a constructor: Dapper converts INTEGER (Int64 in SQLite, Int32 in PostgreSQL)
    // only when it sets a property.
    private sealed class StoredIndicator
    {
        public string Code { get; init; } = "";
        public string Title { get; init; } = "";
        public string Theme { get; init; } = "";
        public string Unit { get; init; } = "";
        public string Polarity { get; init; } = "";
        public string Frequency { get; init; } = "";
        public string Combine { get; init; } = "";
        public long DueDays { get; init; }
        public long? LockDays { get; init; }
        public double? Target { get; init; }
        public string Publication { get; init; } = "";
        public long PublishDays { get; init; }

        public IndicatorWrite ToWrite() =>
            new(Code, Title, Theme, Unit, Polarity, Frequency, Combine, DueDays, LockDays, Target, Publication, PublishDays);
    }

    /// <summary>Audit rows of one change, all with the change's actor and time.</summary>
    private sealed class AuditTrail(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction,
        string actor, DateTimeOffset at, StoreEngine engine)
    {
        public Task WriteAsync(string action, string subject, object detail) =>
            AuditLog.AppendAsync(connection, transaction, new AuditEntry(at, actor, action, subject, AuditLog.Detail(detail)), engine);
    }

    private Task ExecuteAllAsync(string sql, IEnumerable<object> rows, CancellationToken cancellationToken) =>
        catalogue.WriteAsync(async (connection, transaction) => await connection.ExecuteAsync(sql, rows, transaction), cancellationToken);

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
