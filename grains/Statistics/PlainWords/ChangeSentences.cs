using Scrutiny.Grains.Boards;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Statistics.Benchmarks;
using Scrutiny.Grains.Statistics.Spc;

namespace Scrutiny.Grains.Statistics.PlainWords;

/// <summary>
/// Writes what changed in an indicator as short plain sentences, by rules, from figures already computed
/// (<see cref="ChangeFigures"/>): what moved, whether the chart calls it a real change, how the place compares and
/// whether the target will be met. Each part of a sentence comes from one figure, which <see cref="PlainChange.Facts"/>
/// lists; docs/what-changed.md has the table.
/// </summary>
public static class ChangeSentences
{
    /// <summary>
    /// A first sentence longer than this moves its comparison, and then its judgement too, into a sentence of its own
    /// ("It is now better than England."), so that long indicator titles still make sentences a resident can read at a
    /// glance (the tests hold every sentence to 30 words and their average to 20).
    /// </summary>
    public const int MaxWordsBeforeSplitting = 24;

    public static PlainChange Build(ChangeFigures figures)
    {
        var movement = MovementWords(figures);
        var judgement = figures.Movement == Movement.FirstValue ? null : JudgementWords(figures.PointType, StepWas(figures));
        var comparison = ComparisonWords(figures.England, figures.SimilarAreas);

        var sentences = new List<string>();
        var joined = movement + Tail(judgement, comparison) + ".";
        var withoutComparison = movement + Tail(judgement, null) + ".";
        if (Words(joined) <= MaxWordsBeforeSplitting) sentences.Add(joined);
        else if (comparison is not null && Words(withoutComparison) <= MaxWordsBeforeSplitting)
        {
            sentences.Add(withoutComparison);
            sentences.Add($"It is now {comparison}.");
        }
        else
        {
            sentences.Add(movement + ".");
            if (Afterwards(judgement, comparison) is { } then) sentences.Add(then);
        }

        var outlook = Outlook(figures);
        if (TargetWords(outlook, figures) is { } target) sentences.Add(target);
        return new PlainChange(sentences, Facts(figures, outlook), outlook);
    }

    private static string MovementWords(ChangeFigures f)
    {
        var when = PeriodWords.Name(f.Period);
        var step = PeriodWords.Step(f.Period.Frequency);
        return f.Movement switch
        {
            Movement.FirstValue => $"{f.Title} stood at {f.Value.Text} in {when}, its first value",
            Movement.NoPreviousValue => $"{f.Title} stood at {f.Value.Text} in {when}, with no value for the {step} before",
            Movement.Unchanged => $"{f.Title} stayed at {f.Value.Text} in {when}",
            _ => $"{f.Title} {(f.Movement == Movement.Rose ? "rose" : "fell")} to {f.Value.Text} in {when}"
                 + (f.Run >= 2 ? $" for the {PeriodWords.Ordinal(f.Run)} {step} in a row" : ""),
        };
    }

    // The chart speaks of the value's level against the usual range, not of this month's step: a value can fall and
    // still be a real improvement on the usual level. When the step went the other way from the reading ("fell ...: a
    // real worsening" for a lower-is-better indicator), the words say the level is still on the reading's side, so the
    // sentence does not seem to contradict itself.
    private static string? JudgementWords(PointType? pointType, Step step) => (pointType, step) switch
    {
        (PointType.SpecialCauseImprovement, Step.Worse) => "still better than usual",
        (PointType.SpecialCauseConcern, Step.Better) => "still worse than usual",
        (PointType.SpecialCauseImprovement, _) => "a real improvement",
        (PointType.SpecialCauseConcern, _) => "a real worsening",
        (PointType.SpecialCauseNeutralHigh, _) => "unusually high",
        (PointType.SpecialCauseNeutralLow, _) => "unusually low",
        (PointType.CommonCause, _) => "within its normal range",
        _ => null,
    };

    private enum Step { Better, Worse, Neither }

    /// <summary>Whether this period's step went the indicator's better or worse way (neither without a polarity or a move).</summary>
    private static Step StepWas(ChangeFigures f) => (f.Movement, f.Polarity) switch
    {
        (Movement.Rose, Polarity.HigherIsBetter) or (Movement.Fell, Polarity.LowerIsBetter) => Step.Better,
        (Movement.Rose, Polarity.LowerIsBetter) or (Movement.Fell, Polarity.HigherIsBetter) => Step.Worse,
        _ => Step.Neither,
    };

    private static string? ComparisonWords(BenchmarkOutcome? england, BenchmarkOutcome? similar)
    {
        england = Compared(england);
        similar = Compared(similar);
        if (england is { } e && similar is { } s)
            return e == s
                ? Against(e, "England and similar areas")
                : $"{Against(e, "England")} and {Against(s, "similar areas")}";
        return england is { } onlyEngland ? Against(onlyEngland, "England")
            : similar is { } onlySimilar ? Against(onlySimilar, "similar areas")
            : null;
    }

    private static BenchmarkOutcome? Compared(BenchmarkOutcome? outcome) => outcome == BenchmarkOutcome.NotCompared ? null : outcome;

    private static string Against(BenchmarkOutcome outcome, string comparator) => outcome switch
    {
        BenchmarkOutcome.Better => $"better than {comparator}",
        BenchmarkOutcome.Worse => $"worse than {comparator}",
        BenchmarkOutcome.Higher => $"higher than {comparator}",
        BenchmarkOutcome.Lower => $"lower than {comparator}",
        // "similar to similar areas" would stumble.
        _ => comparator == "England" ? "similar to England" : $"in line with {comparator}",
    };

    private static string Tail(string? judgement, string? comparison) => (judgement, comparison) switch
    {
        ({ } j, { } c) => $": {j}, now {c}",
        ({ } j, null) => $": {j}",
        (null, { } c) => $": now {c}",
        _ => "",
    };

    private static string? Afterwards(string? judgement, string? comparison) => (judgement, comparison) switch
    {
        ({ } j, { } c) => $"It is {j}, now {c}.",
        ({ } j, null) => $"It is {j}.",
        (null, { } c) => $"It is now {c}.",
        _ => null,
    };

    /// <summary>
    /// Met or missed is the new value against the target, in the indicator's better direction; whether that will last is
    /// the assurance icon's reading of where the target sits against the process limits.
    /// </summary>
    public static TargetOutlook Outlook(ChangeFigures f)
    {
        if (f.Target is not { } target || f.Polarity == Polarity.NoJudgement) return TargetOutlook.NoTarget;
        var met = CommitmentReadings.Meets(f.Value.Number, target.Number, CommitmentReadings.Wanted(f.Polarity, null, null));
        return f.Assurance switch
        {
            AssuranceIcon.ConsistentPass => met ? TargetOutlook.MetAndLikelyToStayMet : TargetOutlook.MissedThoughUsuallyMet,
            AssuranceIcon.ConsistentFail => met ? TargetOutlook.MetThoughUsuallyMissed : TargetOutlook.UnlikelyToBeMet,
            AssuranceIcon.Inconsistent => met ? TargetOutlook.MetButMayBeMissed : TargetOutlook.MissedButMayBeMet,
            _ => met ? TargetOutlook.Met : TargetOutlook.Missed,
        };
    }

    private static string? TargetWords(TargetOutlook outlook, ChangeFigures f)
    {
        var target = f.Target?.Text;
        var steps = PeriodWords.Step(f.Period.Frequency) + "s";
        return outlook switch
        {
            TargetOutlook.MetAndLikelyToStayMet => $"It meets its target of {target} and should keep doing so.",
            TargetOutlook.MissedThoughUsuallyMet => $"It missed its target of {target} this time, though it usually meets it.",
            TargetOutlook.MetThoughUsuallyMissed => $"It met its target of {target} this time, though it usually misses it.",
            TargetOutlook.UnlikelyToBeMet => $"It is unlikely to meet its target of {target} without a change.",
            TargetOutlook.MetButMayBeMissed => $"It met its target of {target}, but may miss it in some {steps}.",
            TargetOutlook.MissedButMayBeMet => $"It missed its target of {target}, but may meet it in some {steps}.",
            TargetOutlook.Met => $"It met its target of {target}.",
            TargetOutlook.Missed => $"It missed its target of {target}.",
            _ => null,
        };
    }

    private static List<ChangeFact> Facts(ChangeFigures f, TargetOutlook outlook)
    {
        var facts = new List<ChangeFact> { new($"Value for {PeriodWords.Name(f.Period)}", f.Value.Text) };
        var before = f.Period.Previous();
        if (f.Movement == Movement.FirstValue) facts.Add(new("Earlier values", "None"));
        else facts.Add(new($"Value for {PeriodWords.Name(before)}", f.Previous?.Text ?? "None"));
        if (f.Movement is Movement.Rose or Movement.Fell)
            facts.Add(new($"{Capitalised(PeriodWords.Step(f.Period.Frequency))}s in a row it {(f.Movement == Movement.Rose ? "rose" : "fell")}",
                f.Run.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (f.PointType is { } point) facts.Add(new("SPC reading of this value", PointTypeName(point)));
        if (Compared(f.England) is { } england)
            facts.Add(new("Against England", Outcome(england, "England", f.EnglandValue)));
        if (Compared(f.SimilarAreas) is { } similar)
            facts.Add(new($"Against the mean of {f.SimilarAreasName ?? "similar areas"}", Outcome(similar, "mean", f.SimilarAreasMean)));
        if (outlook != TargetOutlook.NoTarget)
        {
            facts.Add(new("Target", f.Target!.Text));
            facts.Add(new("SPC assurance against the target", f.Assurance is { } a ? AssuranceName(a) : "None"));
        }
        return facts;
    }

    // The benchmark's test: the comparator's value inside the place's 95% interval is similar, outside it a difference.
    private static string Outcome(BenchmarkOutcome outcome, string what, FormattedNumber? value) =>
        value is { } v ? $"{outcome} ({what} {v.Text}, {(outcome == BenchmarkOutcome.Similar ? "inside" : "outside")} this value's 95% interval)" : outcome.ToString();

    private static string PointTypeName(PointType point) => point switch
    {
        PointType.SpecialCauseImprovement => "Special cause: improvement",
        PointType.SpecialCauseConcern => "Special cause: concern",
        PointType.SpecialCauseNeutralHigh => "Special cause: high",
        PointType.SpecialCauseNeutralLow => "Special cause: low",
        _ => "Common cause",
    };

    private static string AssuranceName(AssuranceIcon icon) => icon switch
    {
        AssuranceIcon.ConsistentPass => "Consistently passing",
        AssuranceIcon.ConsistentFail => "Consistently failing",
        _ => "Sometimes passing, sometimes failing",
    };

    private static string Capitalised(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    /// <summary>Words as the readability rule counts them: runs of characters between spaces.</summary>
    public static int Words(string sentence) => sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
