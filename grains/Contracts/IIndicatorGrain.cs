using Scrutiny.Grains.Catalogue;

namespace Scrutiny.Grains.Contracts;

/// <summary>
/// An outcome indicator in one place, keyed <c>{placeCode}/{indicatorCode}</c>: takes the agencies' returns and
/// keeps each period's combined value and each agency's contribution.
/// </summary>
[Alias("indicator")]
public interface IIndicatorGrain : IGrainWithStringKey
{
    /// <summary>
    /// Says what each value would do, which look wrong, and the ledger entries that would record the ones that change
    /// something, writing nothing: a dry run's answer, and the first step of applying a batch. The store commits every
    /// grain's entries of a batch at once, then each grain takes its own in with <see cref="AbsorbAsync"/>.
    /// </summary>
    [Alias("plan")]
    Task<SubmissionPlan> PlanAsync(ReturnSubmission submission);

    /// <summary>
    /// Takes in ledger entries the store has committed (this grain's share of a batch) and returns the change for pages
    /// and what its place should hear: the caller publishes the batch's changes in one message and tells each place once
    /// for all of its indicators in the batch (<see cref="IPlaceGrain.OnIndicatorsChangedAsync"/>). Safe to repeat: an
    /// entry already held is not taken twice, and the change is announced again. With no entries (every value of the
    /// batch was unchanged) there is no change, but still the latest value: the values may be ones whose first
    /// submission died before the place heard of them, and the place ignores a latest value it holds already.
    /// </summary>
    [Alias("absorb-entries")]
    Task<Absorbed> AbsorbAsync(IReadOnlyList<LedgerEntry> entries);

    /// <summary>
    /// Lets this activation go, so that the next call reads the grain again from the store: the store refused its
    /// planned entries because another activation (another cluster over the same store) wrote revisions first.
    /// </summary>
    [Alias("reload")]
    Task ReloadAsync();

    /// <summary>
    /// Applies the values on its own: ledger rows and the new aggregate in one transaction, then publishes the change.
    /// The answer says what each value did and which are outliers against the agency's history before this
    /// submission: one turn. (Batches go through <see cref="PlanAsync"/> and <see cref="AbsorbAsync"/> instead.)
    /// </summary>
    [Alias("submit")]
    Task<SubmissionAnswer> SubmitAsync(ReturnSubmission submission);

    /// <summary>
    /// Every period's value that <paramref name="view"/> may see, with statistics computed from those values alone
    /// (an unpublished value moves no published limit), and the place's settings they were computed with.
    /// </summary>
    [Alias("series")]
    Task<IndicatorSeries> GetSeriesAsync(DataView view);

    /// <summary>
    /// One period's combined value, or null when no agency has returned it or <paramref name="view"/> may not see
    /// it (for comparing places).
    /// </summary>
    [Alias("point")]
    Task<SeriesPoint?> GetPointAsync(string period, DataView view);

    /// <summary>The latest period <paramref name="view"/> may see, with the icons of that view's series; null when none.</summary>
    [Alias("latest")]
    Task<IndicatorLatest?> GetLatestAsync(DataView view);

    /// <summary>Sets the place's target, or clears it (back to the catalogue's) when <paramref name="value"/> is null.</summary>
    [Alias("set-target")]
    Task<IndicatorSettings> SetTargetAsync(double? value, SettingChange change);

    /// <summary>Starts new SPC limits at <paramref name="period"/>; false when that period already rebases.</summary>
    [Alias("add-rebase")]
    Task<bool> AddRebaseAsync(string period, SettingChange change);

    /// <summary>Removes the rebase at <paramref name="period"/>; false when there was none.</summary>
    [Alias("remove-rebase")]
    Task<bool> RemoveRebaseAsync(string period, SettingChange change);

    /// <summary>
    /// Reads the indicator's definition, schedule and released periods again (an administrator changed them), so that
    /// the next answer is computed with them.
    /// </summary>
    [Alias("catalogue-changed")]
    Task OnCatalogueChangedAsync();
}

/// <summary>What taking in a batch's entries made: the change to publish, and the place's news (none while the grain holds no value).</summary>
[GenerateSerializer, Immutable]
public sealed record Absorbed(Change? Change, IndicatorNews? News);

/// <summary>What each submitted value did (same order as the values) and which values look wrong.</summary>
[GenerateSerializer, Immutable]
public sealed record SubmissionAnswer(IReadOnlyList<ReturnOutcome> Outcomes, IReadOnlyList<Outlier> Outliers);

/// <summary>A submission's answer, and the ledger entries that would record it (none for a value that is unchanged).</summary>
[GenerateSerializer, Immutable]
public sealed record SubmissionPlan(SubmissionAnswer Answer, IReadOnlyList<LedgerEntry> Entries);

/// <summary>
/// A submitted value (<paramref name="Index"/> in the submission) that lies <paramref name="Score"/> modified z-scores
/// from its agency's recent values: accepted, with a warning to check it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Outlier(int Index, double Value, double Score);

/// <summary>A period's combined value and the contributions it was made from.</summary>
[GenerateSerializer, Immutable]
public sealed record SeriesPoint(
    string Period, double Numerator, double? Denominator, double? Value, IReadOnlyList<Contribution> Contributions);

/// <summary>An indicator's history in a place, oldest period first, with its statistics (one per point, same order).</summary>
[GenerateSerializer, Immutable]
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
