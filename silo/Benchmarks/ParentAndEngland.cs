namespace Scrutiny.Silo.Benchmarks;

/// <summary>
/// A place's value for one period (with its 95% interval) against its parent's and England's; either comparator is
/// null when the place has none (England itself, or a place whose parent is England).
/// </summary>
public sealed record ParentAndEngland(MemberValue Own, ComparatorBenchmark? Parent, ComparatorBenchmark? England);
