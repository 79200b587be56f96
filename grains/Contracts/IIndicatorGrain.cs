using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Runtime;

namespace Scrutiny.Grains.Contracts;

/// <summary>
/// An outcome indicator in one place, keyed <c>{placeCode}/{indicatorCode}</c>: takes the agencies' returns and
/// keeps each period's combined value and each agency's contribution.
/// </summary>
public interface IIndicatorGrain : IGrain
{
    /// <summary>Says what each value would do, writing nothing (a dry run answers exactly as the import would).</summary>
    Task<IReadOnlyList<ReturnOutcome>> PreviewAsync(IReadOnlyList<ReturnedValue> values);

    /// <summary>Applies the values: ledger rows and the new aggregate in one transaction, then publishes the change.</summary>
    Task<IReadOnlyList<ReturnOutcome>> SubmitAsync(ReturnSubmission submission);

    /// <summary>
    /// Every period's value that <paramref name="view"/> may see, with statistics computed from those values alone
    /// (an unpublished value moves no published limit), and the place's settings they were computed with.
    /// </summary>
    Task<IndicatorSeries> GetSeriesAsync(DataView view);

    /// <summary>
    /// One period's combined value, or null when no agency has returned it or <paramref name="view"/> may not see
    /// it (for comparing places).
    /// </summary>
    Task<SeriesPoint?> GetPointAsync(string period, DataView view);

    /// <summary>The latest period <paramref name="view"/> may see, with the icons of that view's series; null when none.</summary>
    Task<IndicatorLatest?> GetLatestAsync(DataView view);

    /// <summary>Sets the place's target, or clears it (back to the catalogue's) when <paramref name="value"/> is null.</summary>
    Task<IndicatorSettings> SetTargetAsync(double? value, SettingChange change);

    /// <summary>Starts new SPC limits at <paramref name="period"/>; false when that period already rebases.</summary>
    Task<bool> AddRebaseAsync(string period, SettingChange change);

    /// <summary>Removes the rebase at <paramref name="period"/>; false when there was none.</summary>
    Task<bool> RemoveRebaseAsync(string period, SettingChange change);
}

/// <summary>A period's combined value and the contributions it was made from.</summary>
public sealed record SeriesPoint(
    string Period, double Numerator, double? Denominator, double? Value, IReadOnlyList<Contribution> Contributions);

/// <summary>An indicator's history in a place, oldest period first, with its statistics (one per point, same order).</summary>
public sealed record IndicatorSeries(
    string Place, IndicatorDefinition Indicator, IReadOnlyList<SeriesPoint> Points, IndicatorSettings Settings,
    Statistics.SeriesStatistics Statistics);

public static class IndicatorKey
{
    public static string For(string placeCode, string indicatorCode) => $"{placeCode}/{indicatorCode}";

    public static (string Place, string Indicator) Parse(string key) =>
        key.Split('/', 2) is [var place, var indicator]
            ? (place, indicator)
            : throw new ArgumentException($"'{key}' is not a place/indicator key.", nameof(key));
}
