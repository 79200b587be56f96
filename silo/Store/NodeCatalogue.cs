using System.Data.Common;
using System.Diagnostics;
using Dapper;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Live;

namespace Scrutiny.Silo.Store;

/// <summary>
/// This node's copy of the catalogue for its pages and endpoints: places, indicators with their schedules, agencies and
/// the indicators assigned to them, boards and comparator groups, read from memory instead of nine queries a page.
/// Every write to those tables goes through <see cref="WriteAsync{T}"/>, which moves the store's catalogue version in
/// the write's own transaction and drops this node's copy before the writer answers. Every other node (or process)
/// reads the version again once its copy is <see cref="RecheckAfter"/> old, meanwhile handing out the copy it has, and
/// reads the catalogue again when the version moved; a copy older than <see cref="UsableFor"/> is not handed out until
/// it has been checked, and a request that may write first catches up (<see cref="CatchUpAsync"/>). Released periods,
/// agency scopes and the ledger are read from the store every time. Grains read this copy through
/// <see cref="GrainCatalogue"/>, which catches up before every read: a grain told of a catalogue edit must read the
/// edit, not an older copy.
/// </summary>
public sealed class NodeCatalogue(SqlCatalogue store, Database database, ChangeCount changes) : ICatalogueReader
{
    /// <summary>How old a copy is when this node starts reading the version again, handing out the copy meanwhile.</summary>
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How old a copy may be and still be handed out: another node's edit reaches this node's readers at most this long
    /// after it committed, as if their request had come that much earlier. Readers wait on the check only past it (after a
    /// quiet spell), so that under load no request waits on the check while holding a store connection the check needs.
    /// </summary>
    public static readonly TimeSpan UsableFor = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private CatalogueCopy? _copy;
    private long _checkedAt;
    private Task<CatalogueCopy>? _checking;
    private long _forgotten;
    private bool _readingVersion;
    private TaskCompletionSource<long>? _nextVersionRead;

    /// <summary>
    /// Runs a write to the catalogue tables in one transaction that also moves the catalogue version, then drops this
    /// node's copy: the writer's next read, on this node, sees its write.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken = default)
    {
        try
        {
            return await database.InTransactionAsync(async (connection, transaction) =>
            {
                var result = await work(connection, transaction);
                // Last, so that the row's lock is held only while the transaction commits.
                await connection.ExecuteAsync("UPDATE catalogue_version SET version = version + 1", transaction: transaction);
                return result;
            }, cancellationToken);
        }
        finally
        {
            // Also after a failure: the commit may have happened even though its answer was lost.
            Forget();
        }
    }

    /// <summary>
    /// Reads the store's catalogue version now and drops this node's copy when it is behind: every read after this sees
    /// each edit committed before this call, on any node. For requests that may write (<c>CatalogueCatchUp</c>): a return
    /// or a form is checked against the catalogue as it is, never refused for an indicator made a moment ago elsewhere.
    /// </summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var version = await VersionReadAfterNowAsync().WaitAsync(cancellationToken);
        lock (_gate)
        {
            if (_copy?.Version == version) return;
        }
        Forget();
    }

    /// <summary>
    /// The version, from a read that starts after this call: the one starting now, or, while one runs (it may have begun
    /// earlier), the next, which everyone who arrives meanwhile shares. The copy's checks and the writes' catch-ups all
    /// read it here, one read at a time, whatever the number of writes at once (250 watchers connecting to a node whose
    /// login may hold eight connections).
    /// </summary>
    private Task<long> VersionReadAfterNowAsync()
    {
        lock (_gate)
        {
            _nextVersionRead ??= new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            var read = _nextVersionRead.Task;
            if (!_readingVersion) StartVersionRead();
            return read;
        }
    }

    // Under _gate: the read everyone queued so far waits for starts now.
    private void StartVersionRead()
    {
        var waiting = _nextVersionRead!;
        _nextVersionRead = null;
        _readingVersion = true;
        _ = Task.Run(async () =>
        {
            try
            {
                waiting.SetResult(await ReadVersionAsync(CancellationToken.None));
            }
            catch (Exception ex)
            {
                waiting.SetException(ex);
            }
            lock (_gate)
            {
                _readingVersion = false;
                if (_nextVersionRead is not null) StartVersionRead();
            }
        });
    }

    /// <summary>Drops this node's copy; the next reader reads the catalogue again.</summary>
    public void Forget()
    {
        lock (_gate)
        {
            _copy = null;
            _checking = null;
            _forgotten++;
        }
        changes.Moved();
    }

    public Task<IndicatorDefinition?> FindIndicatorAsync(string code, CancellationToken cancellationToken = default) =>
        FindAsync(copy => copy.Indicators.GetValueOrDefault(code), cancellationToken);

    public async Task<IReadOnlyList<IndicatorDefinition>> ListIndicatorsAsync(CancellationToken cancellationToken = default) =>
        (await CopyAsync(cancellationToken)).IndicatorList;

    public async Task<IndicatorSchedule?> FindScheduleAsync(string code, CancellationToken cancellationToken = default) =>
        (await CopyAsync(cancellationToken)).Schedules.GetValueOrDefault(code);

    public async Task<IReadOnlyList<IndicatorSchedule>> ListSchedulesAsync(CancellationToken cancellationToken = default) =>
        (await CopyAsync(cancellationToken)).ScheduleList;

    public Task<Place?> FindPlaceAsync(string code, CancellationToken cancellationToken = default) =>
        FindAsync(copy => copy.Places.ByCode.GetValueOrDefault(code), cancellationToken);

    public async Task<IReadOnlyList<Place>> ListPlacesAsync(CancellationToken cancellationToken = default) =>
        (await CopyAsync(cancellationToken)).Places.All;

    public async Task<PlaceHierarchy> PlaceHierarchyAsync(CancellationToken cancellationToken = default) =>
        (await CopyAsync(cancellationToken)).Places;

    public Task<Agency?> FindAgencyAsync(string code, CancellationToken cancellationToken = default) =>
        FindAsync(copy => copy.Agencies.GetValueOrDefault(code), cancellationToken);

    public async Task<IReadOnlyList<Agency>> ListAgenciesAsync(CancellationToken cancellationToken = default) =>
        (await CopyAsync(cancellationToken)).AgencyList;

    public Task<PartnershipBoard?> FindBoardAsync(string id, CancellationToken cancellationToken = default) =>
        FindAsync(copy => copy.Boards.GetValueOrDefault(id), cancellationToken);

    /// <summary>
    /// A place, indicator, agency or board by the code a request names; when the copy does not hold it, the copy first
    /// catches up (<see cref="CatchUpAsync"/>) and looks again, so that a page or API call on any node never answers "not
    /// found" for something made on another node a moment ago. A miss is rare (a wrong address), and catching up is one
    /// shared read of the version.
    /// </summary>
    private async Task<T?> FindAsync<T>(Func<CatalogueCopy, T?> find, CancellationToken cancellationToken) where T : class
    {
        if (find(await CopyAsync(cancellationToken)) is { } found) return found;
        await CatchUpAsync(cancellationToken);
        return find(await CopyAsync(cancellationToken));
    }

    public async Task<IReadOnlyList<PartnershipBoard>> ListBoardsAsync(string? placeCode = null, CancellationToken cancellationToken = default)
    {
        var boards = (await CopyAsync(cancellationToken)).BoardList;
        return placeCode is null ? boards : [.. boards.Where(b => b.PlaceCode == placeCode)];
    }

    public async Task<IReadOnlyList<ComparatorGroupDefinition>> ListComparatorGroupsAsync(string? placeCode = null,
        CancellationToken cancellationToken = default)
    {
        var groups = (await CopyAsync(cancellationToken)).ComparatorGroups;
        return placeCode is null ? groups : [.. groups.Where(g => g.PlaceCode == placeCode)];
    }

    public Task<IReadOnlySet<string>> ListReleasedPeriodsAsync(string indicatorCode, CancellationToken cancellationToken = default) =>
        store.ListReleasedPeriodsAsync(indicatorCode, cancellationToken);

    public Task<AgencyScope> AgencyScopeAsync(string agencyCode, CancellationToken cancellationToken = default) =>
        store.AgencyScopeAsync(agencyCode, cancellationToken);

    public Task<IReadOnlyList<(Agency Agency, AgencyScope Scope)>> ListAgencyScopesAsync(CancellationToken cancellationToken = default) =>
        store.ListAgencyScopesAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<string, IReadOnlySet<string>>> AssignedIndicatorsAsync(CancellationToken cancellationToken = default) =>
        (await CopyAsync(cancellationToken)).AssignedIndicators;

    public Task<IReadOnlyList<LedgerEntry>> ListRevisionsAsync(string placeCode, string indicatorCode, CancellationToken cancellationToken = default) =>
        store.ListRevisionsAsync(placeCode, indicatorCode, cancellationToken);

    public Task<IReadOnlyDictionary<(string Place, string Indicator), string>> OtherSingleSourcesAsync(string agencyCode,
        IReadOnlyCollection<string> placeCodes, IReadOnlyCollection<string> indicatorCodes, CancellationToken cancellationToken = default) =>
        store.OtherSingleSourcesAsync(agencyCode, placeCodes, indicatorCodes, cancellationToken);

    private Task<CatalogueCopy> CopyAsync(CancellationToken cancellationToken)
    {
        Task<CatalogueCopy> checking;
        lock (_gate)
        {
            // Real time, not the host's TimeProvider: a test's standing clock must not keep a copy for ever.
            var age = _copy is null ? TimeSpan.MaxValue : Stopwatch.GetElapsedTime(_checkedAt);
            if (age >= RecheckAfter && _checking is null)
            {
                // One check at a time, shared by every reader that arrives while it runs; on the thread pool, not in the
                // context of the request (a page's renderer) that happened to start it.
                var (kept, forgotten) = (_copy, _forgotten);
                _checking = Task.Run(() => CheckAsync(kept, forgotten));
                // Seen here, so that a check no reader waited for does not end as an unobserved exception.
                _checking.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted,
                    TaskScheduler.Default);
            }
            if (_copy is { } copy && age < UsableFor) return Task.FromResult(copy);
            checking = _checking!;
        }
        return checking.WaitAsync(cancellationToken);
    }

    private async Task<CatalogueCopy> CheckAsync(CatalogueCopy? kept, long forgotten)
    {
        try
        {
            var checkedAt = Stopwatch.GetTimestamp();
            // The version first: an edit committed while the tables are read leaves the copy one version behind, so the
            // next check reads them again.
            var version = await VersionReadAfterNowAsync();
            var copy = kept?.Version == version ? kept : await LoadAsync(version);
            lock (_gate)
            {
                // A write on this node since the check began leaves the copy dropped: this check may have read before it.
                if (_forgotten == forgotten)
                {
                    _copy = copy;
                    _checkedAt = checkedAt;
                    _checking = null;
                }
            }
            // Another node's edit, read here: a page kept from the copy before must not be served again. (A copy read
            // after none, or after this node's own write, follows a Forget, which moved the count already.)
            if (kept is not null && !ReferenceEquals(copy, kept)) changes.Moved();
            return copy;
        }
        catch
        {
            lock (_gate)
            {
                if (_forgotten == forgotten) _checking = null;
            }
            throw;
        }
    }

    private async Task<long> ReadVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT version FROM catalogue_version",
            cancellationToken: cancellationToken));
    }

    private async Task<CatalogueCopy> LoadAsync(long version) => new(version,
        await store.ListIndicatorsAsync(), await store.ListSchedulesAsync(), await store.ListPlacesAsync(),
        await store.ListAgenciesAsync(), await store.AssignedIndicatorsAsync(), await store.ListBoardsAsync(),
        await store.ListComparatorGroupsAsync());

    /// <summary>The catalogue at one version, each list in the order the store gives it.</summary>
    private sealed class CatalogueCopy(
        long version, IReadOnlyList<IndicatorDefinition> indicators, IReadOnlyList<IndicatorSchedule> schedules,
        IReadOnlyList<Place> places, IReadOnlyList<Agency> agencies, IReadOnlyDictionary<string, IReadOnlySet<string>> assignedIndicators,
        IReadOnlyList<PartnershipBoard> boards,
        IReadOnlyList<ComparatorGroupDefinition> comparatorGroups)
    {
        public long Version { get; } = version;
        public IReadOnlyList<IndicatorDefinition> IndicatorList { get; } = indicators;
        public IReadOnlyDictionary<string, IndicatorDefinition> Indicators { get; } = indicators.ToDictionary(i => i.Code, StringComparer.Ordinal);
        public IReadOnlyList<IndicatorSchedule> ScheduleList { get; } = schedules;
        public IReadOnlyDictionary<string, IndicatorSchedule> Schedules { get; } = schedules.ToDictionary(s => s.Code, StringComparer.Ordinal);
        public PlaceHierarchy Places { get; } = new(places);
        public IReadOnlyList<Agency> AgencyList { get; } = agencies;
        public IReadOnlyDictionary<string, Agency> Agencies { get; } = agencies.ToDictionary(a => a.Code, StringComparer.Ordinal);
        public IReadOnlyDictionary<string, IReadOnlySet<string>> AssignedIndicators { get; } = assignedIndicators;
        public IReadOnlyList<PartnershipBoard> BoardList { get; } = boards;
        public IReadOnlyDictionary<string, PartnershipBoard> Boards { get; } = boards.ToDictionary(b => b.Id, StringComparer.Ordinal);
        public IReadOnlyList<ComparatorGroupDefinition> ComparatorGroups { get; } = comparatorGroups;
    }
}
