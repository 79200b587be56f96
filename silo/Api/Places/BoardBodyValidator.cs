using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Api.Places;

/// <summary>Checks a board against the catalogue and reports every problem by field: its id, its name, a place that exists.</summary>
public sealed class BoardBodyValidator(ICatalogueReader catalogue)
{
    public async Task<((string Id, string Name, string Place)? Valid, IReadOnlyList<FieldProblem> Problems)> ValidateAsync(
        string id, BoardBody body, CancellationToken cancellationToken)
    {
        var problems = new FieldProblems();
        if (!CatalogueCodes.IsCode(id))
            problems.Add("id", "invalid_id", $"'{id}' is not a board id: lower-case letters and digits in words joined by hyphens, at most 100 characters.");
        if (body.Id is not null && body.Id != id)
            problems.Add("id", "mismatch", $"The body's id '{body.Id}' is not the id in the URL, '{id}'.");
        var name = problems.Text(body.Name, "name", CodeRules.MaxTextLength);
        if (string.IsNullOrWhiteSpace(body.Place)) problems.Add("place", "required", "place is required.");
        else if (await catalogue.FindPlaceAsync(body.Place, cancellationToken) is null)
            problems.Add("place", "unknown_place", $"No place has the code '{body.Place}'.");
        return problems.Any ? (null, problems.List) : ((id, name!, body.Place!), []);
    }
}
