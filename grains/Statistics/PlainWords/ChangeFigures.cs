using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Statistics.Benchmarks;
using Scrutiny.Grains.Statistics.Spc;

namespace Scrutiny.Grains.Statistics.PlainWords;

/// <summary>
/// The figures one "what changed" sentence is made from, every one already computed elsewhere: the series' values,
/// the SPC chart's reading of the new point, the benchmarks of its period and the assurance icon against the target.
/// Numbers arrive formatted (<paramref name="Value"/>, <paramref name="Target"/>) so that the sentence writes them as
/// the pages do; the raw numbers decide the words.
/// </summary>
/// <param name="Title">The indicator's plain name, as the catalogue has it.</param>
/// <param name="Period">The period that is new.</param>
/// <param name="Value">The new value, and as the pages write it.</param>
/// <param name="Previous">The value of the period just before; null when that period has none.</param>
/// <param name="HasEarlierValue">Whether any earlier period has a value (false: this is the first value ever).</param>
/// <param name="Run">How many periods in a row, ending at this one, the value moved the same way as this time
/// (1 for a single move; 0 when it did not move or there is no previous value).</param>
/// <param name="PointType">The SPC chart's reading of the new point; null when the point is not on the chart.</param>
/// <param name="England">The benchmark against England's value for the period; null when not compared.</param>
/// <param name="SimilarAreas">The benchmark against the mean of the place's comparator group; null when not compared.</param>
/// <param name="Target">The target, and as the pages write it; null when there is none.</param>
/// <param name="Assurance">The SPC assurance icon against the target; null when there is no target or no better direction.</param>
/// <param name="EnglandValue">England's value the place was compared with, for the facts.</param>
/// <param name="SimilarAreasName">The comparator group's name, for the facts.</param>
/// <param name="SimilarAreasMean">The group's mean the place was compared with, for the facts.</param>
public sealed record ChangeFigures(
    string Title, Polarity Polarity, Period Period, FormattedNumber Value, FormattedNumber? Previous, bool HasEarlierValue, int Run,
    PointType? PointType, BenchmarkOutcome? England, BenchmarkOutcome? SimilarAreas, FormattedNumber? Target, AssuranceIcon? Assurance,
    FormattedNumber? EnglandValue = null, string? SimilarAreasName = null, FormattedNumber? SimilarAreasMean = null)
{
    /// <summary>Which way the value went from the period before.</summary>
    public Movement Movement =>
        !HasEarlierValue ? Movement.FirstValue
        : Previous is not { } before ? Movement.NoPreviousValue
        : Value.Number > before.Number ? Movement.Rose
        : Value.Number < before.Number ? Movement.Fell
        : Movement.Unchanged;
}

/// <summary>A number and how the pages write it ("1,234", "80.5%").</summary>
public sealed record FormattedNumber(double Number, string Text);

/// <summary>How the new value stands against the value of the period before.</summary>
public enum Movement
{
    FirstValue,
    NoPreviousValue,
    Rose,
    Fell,
    Unchanged,
}
