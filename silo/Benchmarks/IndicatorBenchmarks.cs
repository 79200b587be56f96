using Scrutiny.Grains.Statistics.Benchmarks;
using Scrutiny.Grains.Statistics.ConfidenceIntervals;

namespace Scrutiny.Silo.Benchmarks;

/// <summary>A place's value for one period set beside its parent's, England's, its comparator groups' and its type's.</summary>
public sealed record IndicatorBenchmarks(
    string Place, string Indicator, string? Period, double? Value, ConfidenceInterval? Interval95,
    ComparatorBenchmark? Parent, ComparatorBenchmark? England, IReadOnlyList<GroupBenchmark> Groups, TypeBenchmark? SameType);

/// <summary>
/// The place against one comparator: the comparator's value for the same period (null when it has none) and the
/// verdict, significant when the comparator's value lies outside the place's 95% interval. A comparator with no
/// value of its own is made from its places' values when every one of them has one: <see cref="AggregatedFrom"/>
/// says how many (null for a value the comparator returned).
/// </summary>
public sealed record ComparatorBenchmark(string Place, string Name, double? Value, BenchmarkOutcome Outcome, int? AggregatedFrom);

/// <summary>A comparator group: each member's value and interval, the group's mean and range, and the place's rank.</summary>
public sealed record GroupBenchmark(string Id, string Name, GroupSummary? Summary, IReadOnlyList<MemberValue> Members);

/// <summary>One place's value in a comparison, with its 95% interval when its unit has one.</summary>
public sealed record MemberValue(string Place, string Name, double? Value, ConfidenceInterval? Interval95, int? AggregatedFrom = null);

/// <summary>The place's quintile among every place of its type that has a value for the period.</summary>
public sealed record TypeBenchmark(string PlaceType, Quintile? Quintile, int Places);
