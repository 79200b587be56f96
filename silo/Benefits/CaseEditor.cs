using Scrutiny.Grains.Benefits;
using Scrutiny.Grains.Boards;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;
using Scrutiny.Silo.Api;
using Scrutiny.Silo.Boards;

namespace Scrutiny.Silo.Benefits;

/// <summary>
/// The one way the benefit figures change, for the API and the dashboard's forms alike: a board's case (written by
/// the board's grain with its audit row, so open pages hear of it), the unit-cost catalogue and the settings (written
/// by <see cref="AppraisalStore"/>, then every board with a case told, so that its pages work the case out again).
/// Who may call is the caller's business.
/// </summary>
public sealed class CaseEditor(IGrainFactory grains, AppraisalStore store, ICatalogue catalogue, TimeProvider time)
{
    /// <summary>States the case of the commitment or cohort <paramref name="subject"/>; not found when the board has neither.</summary>
    public async Task<BoardEdit<CaseSettings>> SetAsync(PartnershipBoard board, string subject, CaseBody? body, string actor,
        CancellationToken cancellationToken = default)
    {
        // The commitments' indicators and the cohorts' outcomes are the same in every view.
        var records = (await Grain(board.Id).GetBoardAsync(DataView.Published))!;
        if (CaseSubject.Find(records, subject) is not { } of) return new(null, []);
        var costs = (await store.ListUnitCostsAsync(cancellationToken)).Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var (draft, problems) = BenefitBodyRules.Case(body, of.Indicators, costs);
        if (draft is null) return BoardEdit<CaseSettings>.Invalid(problems);
        return new(await Grain(board.Id).SetCaseAsync(subject, draft, new BoardChange(actor, time.GetUtcNow(), null)), []);
    }

    /// <summary>False when the board states no case for the commitment or cohort.</summary>
    public async Task<bool> ClearAsync(PartnershipBoard board, string subject, string actor)
    {
        var records = (await Grain(board.Id).GetBoardAsync(DataView.Published))!;
        if (records.CaseOf(subject) is null) return false;
        await Grain(board.Id).SetCaseAsync(subject, null, new BoardChange(actor, time.GetUtcNow(), null));
        return true;
    }

    public async Task<(IReadOnlyList<(UnitCost Cost, bool Created)> Saved, IReadOnlyList<FieldProblem> Problems)> SaveUnitCostAsync(
        string code, UnitCostBody? body, string actor, CancellationToken cancellationToken = default)
    {
        var (cost, problems) = BenefitBodyRules.UnitCost(code, body, actor, time.GetUtcNow());
        if (cost is null) return ([], problems);
        var created = await store.SaveUnitCostsAsync([cost], cancellationToken);
        await TellBoardsAsync(cancellationToken);
        return ([(cost, created[0])], []);
    }

    /// <summary>
    /// Creates or replaces every unit cost of a CSV (<see cref="UnitCostCsv"/>), all or none: each row checked by the
    /// same rules as one sent alone, a code given twice refused, and nothing written unless every row is good.
    /// </summary>
    public async Task<UnitCostImport> ImportUnitCostsAsync(byte[] csv, string actor, CancellationToken cancellationToken = default)
    {
        var at = time.GetUtcNow();
        var (rows, unread) = UnitCostCsv.Read(csv);
        var problems = unread.ToList();
        var costs = new List<UnitCost>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.Code is { } code && !seen.TryAdd(code, row.Row))
                problems.Add(new RowProblem(row.Row, "code", "duplicate", $"Unit cost '{code}' is already in row {seen[code]}."));
            var (cost, found) = BenefitBodyRules.UnitCost(row.Code ?? "", row.Body, actor, at);
            // A cell the reader could not read (a value that is not a number) is blank to the rules, which would call it
            // missing as well: the reader's problem says it better.
            problems.AddRange(found.Select(p => UnitCostCsv.Problem(row.Row, p))
                .Where(p => !unread.Any(u => u.Row == p.Row && u.Field == p.Field)));
            if (cost is not null) costs.Add(cost);
        }
        if (problems.Count > 0) return UnitCostImport.Refused([.. problems.OrderBy(p => p.Row)]);

        var created = await store.SaveUnitCostsAsync(costs, cancellationToken);
        await TellBoardsAsync(cancellationToken);
        return new UnitCostImport([.. costs.Where((_, i) => created[i]).Select(c => c.Code)], [.. costs.Where((_, i) => !created[i]).Select(c => c.Code)], []);
    }

    public async Task<(AppraisalSettings? Settings, IReadOnlyList<FieldProblem> Problems)> SaveSettingsAsync(AppraisalSettingsBody? body, string actor,
        CancellationToken cancellationToken = default)
    {
        var at = time.GetUtcNow();
        var (settings, problems) = BenefitBodyRules.Settings(body, actor, at);
        if (settings is null) return (null, problems);
        await store.SaveSettingsAsync(settings, actor, at, cancellationToken);
        await TellBoardsAsync(cancellationToken);
        return (settings, []);
    }

    /// <summary>Every board's pages hear that its cases' figures may have moved (a refresh publishes one change a board).</summary>
    private async Task TellBoardsAsync(CancellationToken cancellationToken)
    {
        foreach (var board in await catalogue.ListBoardsAsync(null, cancellationToken)) await Grain(board.Id).RefreshStatusesAsync();
    }

    private IPartnershipBoardGrain Grain(string id) => grains.Grain<IPartnershipBoardGrain>(id);
}
