using System.Text.RegularExpressions;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Api.Places;

/// <summary>
/// Checks a place against the catalogue and reports every problem by field: a GSS code, a name, a type written as the
/// catalogue writes types (<c>metropolitan_borough</c>), and a parent that exists and is not the place itself or below it.
/// </summary>
public sealed partial class PlaceBodyValidator(ICatalogueReader catalogue)
{
    public async Task<(Place? Valid, IReadOnlyList<FieldProblem> Problems)> ValidateAsync(string code, PlaceBody body, CancellationToken cancellationToken)
    {
        var problems = new FieldProblems();
        if (!CatalogueCodes.IsPlaceCode(code))
            problems.Add("code", "invalid_code", $"'{code}' is not a GSS code: a capital letter and eight digits, such as E08000003.");
        if (body.Code is not null && body.Code != code)
            problems.Add("code", "mismatch", $"The body's code '{body.Code}' is not the code in the URL, '{code}'.");
        var name = problems.Text(body.Name, "name", CodeRules.MaxTextLength);
        if (string.IsNullOrWhiteSpace(body.Type)) problems.Add("type", "required", "type is required.");
        else if (body.Type.Length > MaxTypeLength || !PlaceType().IsMatch(body.Type))
            problems.Add("type", "invalid_type", "type is lower-case words joined by underscores, at most 50 characters, such as metropolitan_borough.");

        if (body.Parent is { } parent)
        {
            var places = (await catalogue.ListPlacesAsync(cancellationToken)).ToDictionary(p => p.Code, StringComparer.Ordinal);
            if (!places.ContainsKey(parent)) problems.Add("parent", "unknown_place", $"No place has the code '{parent}'.");
            else if (IsWithin(parent, code, places)) problems.Add("parent", "cycle", $"Place {parent} is {code} or lies within it.");
        }

        return problems.Any ? (null, problems.List) : (new Place(code, name!, body.Type!, body.Parent), []);
    }

    /// <summary>Whether <paramref name="place"/> is <paramref name="ancestor"/> or lies within it, following parents.</summary>
    private static bool IsWithin(string place, string ancestor, Dictionary<string, Place> places)
    {
        // The catalogue has no cycles (this check keeps it so), but a bound costs nothing.
        var at = place;
        for (var step = 0; at is not null && step <= places.Count; step++)
        {
            if (at == ancestor) return true;
            at = places.TryGetValue(at, out var found) ? found.ParentCode : null;
        }
        return false;
    }

    private const int MaxTypeLength = 50;

    // \z, never $ ($ also matches before a final newline).
    [GeneratedRegex(@"^[a-z]+(_[a-z]+)*\z")]
    private static partial Regex PlaceType();
}
