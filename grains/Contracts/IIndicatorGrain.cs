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

    Task<IndicatorSeries> GetSeriesAsync();
}

/// <summary>A period's combined value and the contributions it was made from.</summary>
public sealed record SeriesPoint(
    string Period, double Numerator, double? Denominator, double? Value, IReadOnlyList<Contribution> Contributions);

/// <summary>An indicator's history in a place, oldest period first.</summary>
public sealed record IndicatorSeries(string Place, IndicatorDefinition Indicator, IReadOnlyList<SeriesPoint> Points);

public static class IndicatorKey
{
    public static string For(string placeCode, string indicatorCode) => $"{placeCode}/{indicatorCode}";

    public static (string Place, string Indicator) Parse(string key) =>
        key.Split('/', 2) is [var place, var indicator]
            ? (place, indicator)
            : throw new ArgumentException($"'{key}' is not a place/indicator key.", nameof(key));
}
