using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Api;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Benchmarks;

/// <summary>The body of <c>PUT /api/v1/comparator-groups/{id}</c>, and of the administration form.</summary>
public sealed record ComparatorGroupBody(string? Name, string? Place, IReadOnlyList<string>? Members);

/// <summary>What a save did: the problems that stopped it (nothing written), or the group and whether it is new.</summary>
public sealed record ComparatorGroupSaved(IReadOnlyList<FieldProblem> Problems, ComparatorGroupDefinition? Group, bool Created);

/// <summary>
/// Checks and saves a comparator group: the one implementation behind the API and the administration page.
/// </summary>
public sealed class ComparatorGroupEditor(ICatalogueReader catalogue, CatalogueWriter writer, TimeProvider time)
{
    public const int MaxMembers = 100;

    public async Task<ComparatorGroupSaved> SaveAsync(string id, ComparatorGroupBody body, string actor, CancellationToken cancellationToken = default)
    {
        var known = (await catalogue.ListPlacesAsync(cancellationToken)).Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var problems = Check(id, body, known);
        if (problems.Count > 0) return new(problems, null, false);

        var group = new ComparatorGroupDefinition(id, body.Name!.Trim(), body.Place!.Trim(), [.. body.Members!.Select(m => m.Trim())]);
        var created = await writer.SaveComparatorGroupAsync(group, actor, time.GetUtcNow(), cancellationToken);
        return new([], group, created);
    }

    private static List<FieldProblem> Check(string id, ComparatorGroupBody body, IReadOnlySet<string> known)
    {
        var problems = new List<FieldProblem>();
        if (!CodeRules.IsIndicatorCode(id))
            problems.Add(new("id", "invalid_code", "The id must be lower-case letters and digits joined by hyphens, such as cipfa-trafford."));
        if (string.IsNullOrWhiteSpace(body.Name)) problems.Add(new("name", "required", "Enter the group's name."));
        else if (body.Name.Length > CodeRules.MaxTextLength)
            problems.Add(new("name", "too_long", $"The name must be {CodeRules.MaxTextLength} characters or fewer."));
        var place = body.Place?.Trim();
        if (string.IsNullOrEmpty(place)) problems.Add(new("place", "required", "Name the place the group is for."));
        else if (!known.Contains(place)) problems.Add(new("place", "unknown_place", $"No place has the code '{place}'."));
        var members = body.Members ?? [];
        if (members.Count == 0) problems.Add(new("members", "required", "List at least one place to compare with."));
        if (members.Count > MaxMembers) problems.Add(new("members", "too_many", $"A group has at most {MaxMembers} places."));
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i]?.Trim() ?? "";
            if (!known.Contains(member)) problems.Add(new($"members[{i}]", "unknown_place", $"No place has the code '{member}'."));
            else if (member == place) problems.Add(new($"members[{i}]", "is_the_place", "A place is not its own comparator."));
            else if (members.Take(i).Any(m => m?.Trim() == member)) problems.Add(new($"members[{i}]", "duplicate", $"'{member}' is listed twice."));
        }
        return problems;
    }
}
