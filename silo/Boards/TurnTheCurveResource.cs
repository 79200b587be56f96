using Scrutiny.Grains.Boards;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;
using Scrutiny.Grains.Statistics;

namespace Scrutiny.Silo.Boards;

/// <summary>A history point of the curve: the period, the value and the SPC point type.</summary>
public sealed record CurvePoint(string Period, double? Value, Grains.Statistics.Spc.PointType? PointType);

/// <summary>
/// Turn the Curve for one indicator in the board's place: the history and the baseline forecast (where it goes if
/// nothing changes), the story behind the curve, the partners, what works, and the action plan — the board's
/// commitments linked to the indicator.
/// </summary>
public sealed record TurnTheCurveResource(
    string Board, string Place, string Indicator, string Title, Polarity Polarity, IReadOnlyList<CurvePoint> History,
    IReadOnlyList<ForecastPeriod> Baseline, TurnTheCurvePlan? Plan, IReadOnlyList<CommitmentResource> ActionPlan)
{
    public static async Task<TurnTheCurveResource> ForAsync(PartnershipBoard board, string indicator, IGrainFactory grains, DataView view)
    {
        var series = await grains.IndicatorGrain(board.PlaceCode, indicator).GetSeriesAsync(view);
        var records = (await grains.Grain<IPartnershipBoardGrain>(board.Id).GetBoardAsync(view))!;
        var history = series.Points.Select((p, i) => new CurvePoint(p.Period, p.Value, series.Statistics.Points[i].Spc?.PointType)).ToList();
        return new TurnTheCurveResource(board.Id, board.PlaceCode, indicator, series.Indicator.Title, series.Indicator.Polarity, history,
            series.Statistics.Forecast, records.Plans.FirstOrDefault(p => p.Indicator == indicator),
            [.. records.Commitments.Where(c => c.Commitment.Indicators.Contains(indicator)).Select(c => CommitmentResource.From(c, records.Today))]);
    }
}
