using Scrutiny.Dashboard.Components.Govuk;
using Scrutiny.Dashboard.Presentation;
using Scrutiny.Grains.Catalogue;

namespace Scrutiny.Dashboard.Admin;

/// <summary>A group of the agency form's boxes: its id, its legend and the boxes.</summary>
public sealed record CheckboxGroup(string Id, string Legend, IReadOnlyList<CheckboxItem> Items);

/// <summary>The agency form's boxes, grouped as an administrator scans them: places by type, indicators by theme.</summary>
public static class ScopeGroups
{
    /// <summary>
    /// Only places with a partnership board: an agency submits for a place by sitting on its board, and boards are
    /// made deliberately, not as a side effect of ticking a box.
    /// </summary>
    public static IReadOnlyList<CheckboxGroup> Places(IEnumerable<Place> places, IReadOnlySet<string> boarded) =>
        [.. places.Where(p => boarded.Contains(p.Code))
            .GroupBy(p => p.Type)
            .OrderBy(g => PlaceTypes.Order(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CheckboxGroup($"places-{g.Key}", PlaceTypes.Heading(g.Key),
                [.. g.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => new CheckboxItem(p.Code, p.Name))]))];

    public static IReadOnlyList<CheckboxGroup> Indicators(IEnumerable<IndicatorDefinition> indicators) =>
        [.. indicators
            .GroupBy(i => i.Theme)
            .OrderBy(g => Labels.Humanise(g.Key), StringComparer.Ordinal)
            .Select(g => new CheckboxGroup($"indicators-{g.Key}", Labels.Humanise(g.Key),
                [.. g.OrderBy(i => i.Title, StringComparer.Ordinal).Select(i => new CheckboxItem(i.Code, i.Title,
                    i.Combine == CombineMethod.SingleSource ? "Single source: one agency returns it for each place" : null))]))];
}
