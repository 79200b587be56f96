using Scrutiny.Silo.Api;
using Scrutiny.Silo.Api.Agencies;

namespace Scrutiny.Dashboard.Admin;

/// <summary>A problem with the agency form, at the box it is about (the error summary links there).</summary>
public sealed record FormError(string InputId, string Message);

/// <summary>Names for codes, so that the form's errors speak of places, indicators and agencies as people know them.</summary>
public sealed record CatalogueLabels(
    IReadOnlyDictionary<string, string> Places, IReadOnlyDictionary<string, string> Indicators, IReadOnlyDictionary<string, string> Agencies)
{
    public string Place(string code) => Places.GetValueOrDefault(code, code);
    public string Indicator(string code) => Indicators.GetValueOrDefault(code, code);
    public string Agency(string code) => Agencies.TryGetValue(code, out var name) ? $"{name} ({code})" : code;
}

/// <summary>
/// What <see cref="AgencyAdministration"/> refused, as the agency form words it. The API's problems name body fields
/// by index (<c>places[2]</c>); the form knows which box each index came from.
/// </summary>
public static class AgencyScopeErrors
{
    public const string PlacesAnchor = "places";

    public static IReadOnlyList<FormError> For(AgencySaveOutcome outcome, AgencyBody body, CatalogueLabels labels) =>
        [.. outcome.Problems.Select(p => ForProblem(p, body, labels)),
         .. outcome.Clashes.Select(c => new FormError(IndicatorInput(c.Indicator),
             $"{labels.Indicator(c.Indicator)} has a single source: in {labels.Place(c.Place)} it is already assigned to " +
             $"{string.Join(" and ", c.Agencies.Select(labels.Agency))}. Untick it, or untick {labels.Place(c.Place)}"))];

    public static string PlaceInput(string code) => $"place-{code}";

    public static string IndicatorInput(string code) => $"indicator-{code}";

    private static FormError ForProblem(FieldProblem problem, AgencyBody body, CatalogueLabels labels)
    {
        if (Listed(problem.Field, "places", body.Places) is { } place)
            return new(PlaceInput(place), problem.Code == "no_board"
                ? $"{labels.Place(place)} has no partnership board for the agency to sit on any more. Untick it"
                : $"{labels.Place(place)} is no longer a place in the catalogue. Untick it");
        if (Listed(problem.Field, "indicators", body.Indicators) is { } indicator)
            return new(IndicatorInput(indicator), $"{labels.Indicator(indicator)} is no longer an indicator in the catalogue. Untick it");
        // The agency's own fields come from the store, not the form: a problem with them is the store's to fix.
        return new(PlacesAnchor, problem.Message);
    }

    /// <summary>The code a field such as <c>places[2]</c> names, from the list the form sent.</summary>
    private static string? Listed(string field, string list, IReadOnlyList<string?>? codes) =>
        field.StartsWith($"{list}[", StringComparison.Ordinal) && field.EndsWith(']')
        && int.TryParse(field.AsSpan(list.Length + 1, field.Length - list.Length - 2), out var i) && codes is not null && i >= 0 && i < codes.Count
            ? codes[i]
            : null;
}
