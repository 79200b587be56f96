using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Statistics.Spc;

namespace Scrutiny.Grains.Boards;

/// <summary>Reads a commitment's milestones and linked indicators' series as the status derivation takes them.</summary>
public static class CommitmentReadings
{
    public static StatusAssessment Assess(Commitment commitment, IReadOnlyDictionary<string, IndicatorSeries> series, DateOnly today) =>
        CommitmentStatusDeriver.Assess(
            [.. commitment.Milestones.Select(m => new MilestoneReading(m.Id, MilestoneStates.Of(m.Due, m.CompletedOn, today)))],
            [.. commitment.Indicators.Select((code, i) => Read(code, i == 0 ? commitment : null, series.GetValueOrDefault(code)))],
            commitment.Override);

    /// <param name="headlineOf">The commitment when <paramref name="code"/> is its headline indicator, whose baseline
    /// and target it states; null for the others.</param>
    public static IndicatorReading Read(string code, Commitment? headlineOf, IndicatorSeries? series)
    {
        var target = headlineOf?.Target?.Value;
        var wanted = Wanted(series?.Indicator.Polarity, headlineOf?.Baseline?.Value, target);
        var latest = series?.Statistics.Points.LastOrDefault(p => p.Spc is not null)?.Spc;
        if (latest is null) return new IndicatorReading(code, wanted, null, null, target is null ? null : false);

        var assurance = target is { } t ? AssuranceAgainst(t, latest, wanted) : series!.Statistics.AssuranceIcon;
        bool? met = target is { } goal ? Meets(latest.Value, goal, wanted) : null;
        return new IndicatorReading(code, wanted, latest.PointType, assurance, met);
    }

    /// <summary>The indicator's own better direction; with none, the way from the baseline to the target.</summary>
    public static WantedDirection Wanted(Polarity? polarity, double? baseline, double? target) => polarity switch
    {
        Polarity.HigherIsBetter => WantedDirection.Up,
        Polarity.LowerIsBetter => WantedDirection.Down,
        _ when baseline is { } b && target is { } t && t != b => t > b ? WantedDirection.Up : WantedDirection.Down,
        _ => WantedDirection.None,
    };

    /// <summary>Met when the value is at the target or beyond it the wanted way (exactly at it, with no way wanted).</summary>
    public static bool Meets(double value, double target, WantedDirection wanted) => wanted switch
    {
        WantedDirection.Up => value >= target,
        WantedDirection.Down => value <= target,
        _ => value.Equals(target),
    };

    /// <summary>
    /// "Making Data Count" assurance of the commitment's own target against the latest limits: a target beyond the
    /// process limits the wrong way is consistently failed, beyond them the right way consistently passed.
    /// </summary>
    private static AssuranceIcon? AssuranceAgainst(double target, XmrPoint latest, WantedDirection wanted) => wanted switch
    {
        WantedDirection.Up when target > latest.UpperProcessLimit => AssuranceIcon.ConsistentFail,
        WantedDirection.Up when target < latest.LowerProcessLimit => AssuranceIcon.ConsistentPass,
        WantedDirection.Down when target < latest.LowerProcessLimit => AssuranceIcon.ConsistentFail,
        WantedDirection.Down when target > latest.UpperProcessLimit => AssuranceIcon.ConsistentPass,
        WantedDirection.None => null,
        _ => AssuranceIcon.Inconsistent,
    };
}
