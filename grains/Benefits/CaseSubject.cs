using Scrutiny.Grains.Boards;
using Scrutiny.Grains.Contracts;

namespace Scrutiny.Grains.Benefits;

/// <summary>
/// What a case is of: a commitment (its indicators, its own spend) or a cohort (its outcomes, the spend of the
/// commitments that work with it). <paramref name="Id"/> is the commitment's or cohort's id on the board.
/// </summary>
public sealed record CaseSubject(string Id, string Title, IReadOnlyList<string> Indicators, IReadOnlySet<string> SpendOf, bool IsCohort)
{
    public static CaseSubject Of(Commitment c) => new(c.Id, c.Title, c.Indicators, new HashSet<string>(StringComparer.Ordinal) { c.Id }, false);

    public static CaseSubject Of(Cohort c) => new(c.Id, c.Name, c.Outcomes, new HashSet<string>(c.Commitments, StringComparer.Ordinal), true);

    /// <summary>The board's commitment or cohort with this id; null when it has neither.</summary>
    public static CaseSubject? Find(BoardView board, string id) =>
        board.Commitments.FirstOrDefault(c => c.Commitment.Id == id)?.Commitment is { } commitment ? Of(commitment)
        : board.Cohorts.FirstOrDefault(c => c.Id == id) is { } cohort ? Of(cohort)
        : null;

    /// <summary>Every commitment, then every cohort, of the board.</summary>
    public static IEnumerable<CaseSubject> All(BoardView board) =>
        board.Commitments.Select(c => Of(c.Commitment)).Concat(board.Cohorts.Select(Of));
}
