using Scrutiny.Silo.Api;

namespace Scrutiny.Silo.Benefits;

/// <summary>
/// What importing a unit-cost CSV did: the codes created and those replaced, or, when any row had a problem, every
/// problem by row and column and nothing written.
/// </summary>
public sealed record UnitCostImport(IReadOnlyList<string> Created, IReadOnlyList<string> Updated, IReadOnlyList<RowProblem> Problems)
{
    public bool Written => Problems.Count == 0;

    public static UnitCostImport Refused(IReadOnlyList<RowProblem> problems) => new([], [], problems);
}
