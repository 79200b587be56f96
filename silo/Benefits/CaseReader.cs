using Scrutiny.Grains.Benefits;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Benefits;

/// <summary>
/// Works out a commitment's or cohort's case for one reader: from the board's records, the series of the board's place in the
/// reader's view (so a savings figure never rests on a value the reader may not see), the unit costs and the settings.
/// The API, the pages, the board pack and the committee paper all read a case here.
/// </summary>
public sealed class CaseReader(IGrainFactory grains, ICatalogueReader catalogue, AppraisalStore store)
{
    /// <summary>The case of the commitment or cohort <paramref name="subject"/>; null when the board states none for it.</summary>
    public async Task<CaseAppraisal?> ForAsync(BoardView board, string subject, DataView view, CancellationToken cancellationToken = default) =>
        (await ForAllAsync(board, view, subject, cancellationToken)).FirstOrDefault();

    /// <summary>Every case the board states, its commitments' first, then its cohorts' (or the one named).</summary>
    public async Task<IReadOnlyList<CaseAppraisal>> ForAllAsync(BoardView board, DataView view, string? only = null,
        CancellationToken cancellationToken = default)
    {
        var cases = CaseSubject.All(board).Where(s => only is null || s.Id == only)
            .Select(s => (Subject: s, Settings: board.CaseOf(s.Id))).Where(c => c.Settings is not null).ToList();
        if (cases.Count == 0) return [];

        var costs = (await store.ListUnitCostsAsync(cancellationToken)).ToDictionary(c => c.Code, StringComparer.Ordinal);
        var settings = await store.GetSettingsAsync(cancellationToken);
        var sectors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var agency in board.Fund.Select(f => f.Agency).Distinct(StringComparer.Ordinal))
            if (await catalogue.FindAgencyAsync(agency, cancellationToken) is { } a) sectors[agency] = a.Sector;

        var series = new Dictionary<string, IndicatorSeries>(StringComparer.Ordinal);
        var appraisals = new List<CaseAppraisal>();
        foreach (var (subject, stated) in cases)
        {
            foreach (var code in subject.Indicators.Where(code => !series.ContainsKey(code)))
                series[code] = await grains.IndicatorGrain(board.Board.PlaceCode, code).GetSeriesAsync(view);
            // Only the subject's own indicators: a line naming one it no longer measures is a problem, not a figure.
            appraisals.Add(CaseAppraiser.Appraise(subject, stated!, series, board.Fund, costs, settings, sectors));
        }
        return appraisals;
    }
}
