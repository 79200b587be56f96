using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Comparisons;

namespace Scrutiny.Dashboard.Comparisons;

/// <summary>
/// What a comparison page or its download was asked for, from the query string: an indicator, places of a type
/// (<c>type=</c>) or a comparator group (<c>group=</c>), and a period (none: the latest common one). <c>by=</c> says
/// which of type and group the form's radios chose; a link may leave it out and give only one of them.
/// </summary>
public sealed record ComparisonQuery(string? Indicator, string? By, string? Type, string? Group, string? Period)
{
    /// <summary>The question for an indicator among a scope's places, at the latest common period.</summary>
    public static ComparisonQuery For(ComparisonScope scope, string? indicator) => new(indicator, CatalogueNames.Name(scope.Kind),
        scope.Kind == ScopeKind.Type ? scope.Id : null, scope.Kind == ScopeKind.Group ? scope.Id : null, null);

    public ScopeKind Kind => By switch
    {
        "group" => ScopeKind.Group,
        "type" => ScopeKind.Type,
        _ => string.IsNullOrEmpty(Type) && !string.IsNullOrEmpty(Group) ? ScopeKind.Group : ScopeKind.Type,
    };

    /// <summary>The type or group chosen, by <see cref="Kind"/>.</summary>
    public string? ScopeId => Kind == ScopeKind.Group ? Blank(Group) : Blank(Type);

    /// <summary>The same question as a query string (with its leading <c>?</c>), for links and downloads.</summary>
    public string ToQueryString(bool withIndicator = true, bool withPeriod = true)
    {
        var parts = new List<string>();
        if (withIndicator && Blank(Indicator) is { } indicator) parts.Add($"indicator={Uri.EscapeDataString(indicator)}");
        parts.Add($"by={CatalogueNames.Name(Kind)}");
        if (ScopeId is { } scope) parts.Add($"{CatalogueNames.Name(Kind)}={Uri.EscapeDataString(scope)}");
        if (withPeriod && Blank(Period) is { } period) parts.Add($"period={Uri.EscapeDataString(period)}");
        return "?" + string.Join("&", parts);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
