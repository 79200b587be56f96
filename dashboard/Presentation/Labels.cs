namespace Scrutiny.Dashboard.Presentation;

/// <summary>Catalogue names (snake_case) as readers see them.</summary>
public static class Labels
{
    /// <summary><c>health_and_care</c> → "Health and care".</summary>
    public static string Humanise(string name)
    {
        var words = name.Replace('_', ' ').Trim();
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
