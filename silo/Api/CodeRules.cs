using System.Text.RegularExpressions;
using Scrutiny.Grains.Catalogue;

namespace Scrutiny.Silo.Api;

/// <summary>
/// What a new code may look like. Codes go into URLs, grain keys (<c>{place}/{indicator}</c>) and file names,
/// so they keep to letters, digits and hyphens.
/// </summary>
public static partial class CodeRules
{
    public const int MaxTextLength = 300;

    /// <summary>Indicator codes are lower-case words joined by hyphens, as in the catalogue: <c>delayed-discharge-days</c>.</summary>
    public static bool IsIndicatorCode(string code) => CatalogueCodes.IsCode(code);

    /// <summary>Agency codes are short letters and digits, as agencies are known: <c>MFT</c>, <c>GMP</c>.</summary>
    public static bool IsAgencyCode(string code) => AgencyCode().IsMatch(code);

    // \z, not $: $ also matches before a final newline, and "MFT\n" would pass.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_-]{0,49}\z")]
    private static partial Regex AgencyCode();
}
