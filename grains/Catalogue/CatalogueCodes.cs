using System.Text.RegularExpressions;

namespace Scrutiny.Grains.Catalogue;

/// <summary>
/// The forms the catalogue's keys take, in one place: what a new code must look like (the API's rules) and what a hub
/// group's name may hold (<see cref="Contracts.WatchedGroup"/>) are then the same rule, and cannot drift apart.
/// </summary>
public static partial class CatalogueCodes
{
    /// <summary>The longest code or id.</summary>
    public const int MaxLength = 100;

    /// <summary>
    /// Indicator codes, board ids, committee ids and panel ids alike: lower-case ASCII letters and digits in words
    /// joined by single hyphens (delayed-discharge-days, manchester-hwb, manchester-health-scrutiny, k3m9x2pq7r).
    /// </summary>
    public static bool IsCode(string code) => code.Length <= MaxLength && CodePattern().IsMatch(code);

    /// <summary>A GSS code, as every place is keyed: a capital letter and eight digits (E08000003).</summary>
    public static bool IsPlaceCode(string code) => GssCodePattern().IsMatch(code);

    // ASCII ranges, never \d or \w (which match Arabic-Indic, fullwidth and other digits and letters), and \z, never $
    // (which also matches before a final newline, so "code\n" would pass).
    [GeneratedRegex(@"^[A-Z][0-9]{8}\z", RegexOptions.CultureInvariant)]
    private static partial Regex GssCodePattern();

    [GeneratedRegex(@"^[a-z0-9]+(?:-[a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
