namespace Scrutiny.Silo.Panels;

/// <summary>One figure a panel follows: an indicator in a place.</summary>
public sealed record PanelItem(string Place, string Indicator);

/// <summary>A scrutiny panel: a named selection of figures a committee follows, in the order it reads them.</summary>
public sealed record Panel(
    string Id, string Name, string? Description, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    IReadOnlyList<PanelItem> Items);

/// <summary>A panel as someone typed it, before it is checked: any field may be missing.</summary>
public sealed record PanelDraft(string? Name, string? Description, IReadOnlyList<(string? Place, string? Indicator)> Items);
