namespace Scrutiny.Dashboard.Components.Govuk;

/// <summary>One box of <see cref="GovukCheckboxes"/>: the value it posts, its label and an optional hint.</summary>
public sealed record CheckboxItem(string Value, string Text, string? Hint = null);
