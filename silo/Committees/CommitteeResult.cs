using Scrutiny.Silo.Api;

namespace Scrutiny.Silo.Committees;

public enum CommitteeOutcome { Done, NotFound, Forbidden, Conflict, Invalid }

/// <summary>
/// What a committee service did, for the API and the pages to say in their own way: the record, or why not — no such
/// record, not theirs to do, a step already taken (<see cref="Detail"/> says which), or the problems by field.
/// </summary>
public sealed record CommitteeResult<T>(CommitteeOutcome Outcome, T? Value, IReadOnlyList<FieldProblem> Problems, string? Detail = null)
{
    public static CommitteeResult<T> Done(T value) => new(CommitteeOutcome.Done, value, []);
    public static CommitteeResult<T> NotFound(string detail) => new(CommitteeOutcome.NotFound, default, [], detail);
    public static CommitteeResult<T> Forbidden(string detail) => new(CommitteeOutcome.Forbidden, default, [], detail);
    public static CommitteeResult<T> Conflict(string detail) => new(CommitteeOutcome.Conflict, default, [], detail);
    public static CommitteeResult<T> Invalid(IReadOnlyList<FieldProblem> problems) => new(CommitteeOutcome.Invalid, default, problems);
}
