namespace Scrutiny.Dashboard.Components.Govuk;

/// <summary>What GOV.UK's form components share.</summary>
public static class FormFields
{
    /// <summary>The ids a field's hint and error message have, for its aria-describedby; null when it has neither.</summary>
    public static string? DescribedBy(string id, bool hint, bool error) =>
        (hint, error) switch
        {
            (true, true) => $"{id}-hint {id}-error",
            (true, false) => $"{id}-hint",
            (false, true) => $"{id}-error",
            _ => null,
        };
}
