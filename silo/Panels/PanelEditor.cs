using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Live;
using Scrutiny.Silo.Api;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Panels;

/// <summary>What saving a panel did: the panel, or every problem found and nothing written.</summary>
public sealed record PanelSaveResult(Panel? Panel, IReadOnlyList<FieldProblem> Problems, bool NotFound = false);

/// <summary>
/// Checks a panel as typed and saves it. Problems name their field (<c>name</c>, <c>description</c>, <c>items</c>,
/// <c>items[2].place</c>, counting from 0), so that a form can link each message to its field.
/// </summary>
public sealed class PanelEditor(ICatalogueReader catalogue, PanelStore store, TimeProvider time, IChangeFeed feed)
{
    public const int MaxItems = 100;
    public const int MaxDescriptionLength = 2000;

    public async Task<PanelSaveResult> CreateAsync(PanelDraft draft, string actor, CancellationToken cancellationToken = default)
    {
        var (items, problems) = await CheckAsync(draft, cancellationToken);
        if (problems.Count > 0) return new(null, problems);
        return new(await store.CreateAsync(draft.Name!.Trim(), Description(draft), items, actor, time.GetUtcNow(), cancellationToken), []);
    }

    public async Task<PanelSaveResult> UpdateAsync(string id, PanelDraft draft, string actor, CancellationToken cancellationToken = default)
    {
        var (items, problems) = await CheckAsync(draft, cancellationToken);
        if (problems.Count > 0) return new(null, problems);
        var at = time.GetUtcNow();
        var panel = await store.UpdateAsync(id, draft.Name!.Trim(), Description(draft), items, actor, at, cancellationToken);
        // Open copies of the panel re-render with its new figures, on every node.
        if (panel is not null)
            await feed.PublishAsync(new Change(ChangeKinds.Panel, new Dictionary<string, string> { [ChangeKeys.Panel] = id },
                [ChangeGroups.Panel(id)], null, null, at));
        return new(panel, [], NotFound: panel is null);
    }

    private static string? Description(PanelDraft draft) => string.IsNullOrWhiteSpace(draft.Description) ? null : draft.Description.Trim();

    private async Task<(List<PanelItem> Items, List<FieldProblem> Problems)> CheckAsync(PanelDraft draft, CancellationToken cancellationToken)
    {
        var problems = new List<FieldProblem>();
        if (string.IsNullOrWhiteSpace(draft.Name)) problems.Add(new("name", "required", "Enter the panel's name"));
        else if (draft.Name.Trim().Length > CodeRules.MaxTextLength)
            problems.Add(new("name", "too_long", $"The name must be {CodeRules.MaxTextLength} characters or fewer"));
        if (draft.Description?.Trim().Length > MaxDescriptionLength)
            problems.Add(new("description", "too_long", $"The description must be {MaxDescriptionLength} characters or fewer"));

        var places = (await catalogue.ListPlacesAsync(cancellationToken)).Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var indicators = (await catalogue.ListIndicatorsAsync(cancellationToken)).Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        var items = new List<PanelItem>();
        if (draft.Items.Count == 0) problems.Add(new("items", "required", "Choose at least one place and indicator for the panel to follow"));
        if (draft.Items.Count > MaxItems) problems.Add(new("items", "too_many", $"A panel follows at most {MaxItems} figures"));
        for (var i = 0; i < draft.Items.Count; i++)
        {
            var (place, indicator) = draft.Items[i];
            var before = problems.Count;
            if (string.IsNullOrEmpty(place)) problems.Add(new($"items[{i}].place", "required", $"Choose a place for figure {i + 1}"));
            else if (!places.Contains(place)) problems.Add(new($"items[{i}].place", "unknown_place", $"Figure {i + 1}: no place has the code '{place}'"));
            if (string.IsNullOrEmpty(indicator)) problems.Add(new($"items[{i}].indicator", "required", $"Choose an indicator for figure {i + 1}"));
            else if (!indicators.Contains(indicator)) problems.Add(new($"items[{i}].indicator", "unknown_indicator", $"Figure {i + 1}: no indicator has the code '{indicator}'"));
            if (problems.Count > before) continue;

            var item = new PanelItem(place!, indicator!);
            if (items.Contains(item)) problems.Add(new($"items[{i}].place", "duplicate", $"Figure {i + 1} is already on the panel: choose another place or indicator"));
            else items.Add(item);
        }
        return (items, problems);
    }
}
