using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Api.Agencies;

/// <summary>
/// Checks an agency against the catalogue and reports every problem: codes that name nothing, and places with no
/// partnership board to join (boards are made deliberately, with their own name and members, not as a side effect).
/// </summary>
public sealed class AgencyBodyValidator(ICatalogueReader catalogue)
{
    public async Task<((Agency Agency, AgencyScope Scope)? Valid, IReadOnlyList<FieldProblem> Problems)> ValidateAsync(
        string code, AgencyBody body, CancellationToken cancellationToken)
    {
        var problems = new List<FieldProblem>();
        void Problem(string field, string problemCode, string message) => problems.Add(new FieldProblem(field, problemCode, message));

        if (!CodeRules.IsAgencyCode(code))
            Problem("code", "invalid_code", $"'{code}' is not an agency code: up to 50 letters, digits, hyphens and underscores.");
        if (body.Code is not null && body.Code != code)
            Problem("code", "mismatch", $"The body's code '{body.Code}' is not the code in the URL, '{code}'.");
        var name = Text(body.Name, "name", Problem);
        var sector = Text(body.Sector, "sector", Problem);

        var places = (await catalogue.ListPlacesAsync(cancellationToken)).Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var boarded = (await catalogue.ListBoardsAsync(null, cancellationToken)).Select(b => b.PlaceCode).ToHashSet(StringComparer.Ordinal);
        var indicators = (await catalogue.ListIndicatorsAsync(cancellationToken)).Select(i => i.Code).ToHashSet(StringComparer.Ordinal);

        var placeCodes = Codes(body.Places, "places", Problem, (field, place) =>
        {
            if (!places.Contains(place)) Problem(field, "unknown_place", $"No place has the code '{place}'.");
            else if (!boarded.Contains(place))
                Problem(field, "no_board", $"Place {place} has no partnership board for the agency to sit on; make the board first.");
        });
        var indicatorCodes = Codes(body.Indicators, "indicators", Problem, (field, indicator) =>
        {
            if (!indicators.Contains(indicator)) Problem(field, "unknown_indicator", $"No indicator has the code '{indicator}'.");
        });

        if (problems.Count > 0) return (null, problems);
        return ((new Agency(code, name!, sector!), new AgencyScope(placeCodes, indicatorCodes)), []);
    }

    private static string? Text(string? value, string field, Action<string, string, string> problem)
    {
        if (string.IsNullOrWhiteSpace(value)) problem(field, "required", $"{field} is required.");
        else if (value.Length > CodeRules.MaxTextLength) problem(field, "too_long", $"{field} is longer than {CodeRules.MaxTextLength} characters.");
        else return value.Trim();
        return null;
    }

    /// <summary>The list's codes, each checked; required, because a PUT replaces the agency whole (an empty list is fine).</summary>
    private static HashSet<string> Codes(IReadOnlyList<string?>? list, string field, Action<string, string, string> problem,
        Action<string, string> check)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        if (list is null)
        {
            problem(field, "required", $"{field} is required: list every one, or [] for none.");
            return codes;
        }
        for (var i = 0; i < list.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(list[i])) problem($"{field}[{i}]", "required", "A code is required.");
            else if (codes.Add(list[i]!)) check($"{field}[{i}]", list[i]!);
        }
        return codes;
    }
}
