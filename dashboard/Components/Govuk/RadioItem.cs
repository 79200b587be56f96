namespace Scrutiny.Dashboard.Components.Govuk;

/// <summary>One choice of <see cref="GovukRadios"/>: the value it posts, its label and an optional hint.</summary>
public sealed record RadioItem(string Value, string Text, string? Hint = null);
