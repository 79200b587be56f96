using Scrutiny.Grains.Benefits;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Benefits;

/// <summary>
/// Works out a commitment's case for one reader: from the board's records, the series of the board's place in the
/// reader's view (so a savings figure never rests on a value the reader may not see), the unit costs and the settings.
/// The API, the pages, the board pack and the committee paper all read a case here.
/// </summary>
public sealed class CaseReader(IGrainFactory grains, ICatalogueReader catalogue, AppraisalStore store)
{
    /// <summary>The case of <paramref name="commitment"/>; null when the board states none for it.</summary>
    public async Task<CaseAppraisal?> ForAsync(BoardView board, string commitment, DataView view, CancellationToken cancellationToken = default) =>
        (await ForAllAsync(board, view, commitment, cancellationToken)).FirstOrDefault();

    /// <summary>Every case the board states, in the order of its commitments (or the one named).</summary>
    public async Task<IReadOnlyList<CaseAppraisal>> ForAllAsync(BoardView board, DataView view, string? only = null,
        CancellationToken cancellationToken = default)
    {
        var cases = board.Commitments.Select(c => board.CaseOf(c.Commitment.Id))
            .Where(c => c is not null && (only is null || c.Commitment == only)).Select(c => c!).ToList();
        if (cases.Count == 0) return [];

        var costs = (await store.ListUnitCostsAsync(cancellationToken)).ToDictionary(c => c.Code, StringComparer.Ordinal);
        var settings = await store.GetSettingsAsync(cancellationToken);
        var sectors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var agency in board.Fund.Select(f => f.Agency).Distinct(StringComparer.Ordinal))
            if (await catalogue.FindAgencyAsync(agency, cancellationToken) is { } a) sectors[agency] = a.Sector;

        var series = new Dictionary<string, IndicatorSeries>(StringComparer.Ordinal);
        var appraisals = new List<CaseAppraisal>();
        foreach (var settingsOfCase in cases)
        {
            var indicators = board.Commitments.Single(c => c.Commitment.Id == settingsOfCase.Commitment).Commitment.Indicators;
            foreach (var code in indicators.Where(code => !series.ContainsKey(code)))
                series[code] = await grains.GetGrain<IIndicatorGrain>(IndicatorKey.For(board.Board.PlaceCode, code)).GetSeriesAsync(view);
            // Only the commitment's own indicators: a line naming one it no longer measures is a problem, not a figure.
            var own = indicators.ToDictionary(code => code, code => series[code], StringComparer.Ordinal);
            appraisals.Add(CaseAppraiser.Appraise(settingsOfCase, own, board.Fund, costs, settings, sectors));
        }
        return appraisals;
    }
}
