using System.Globalization;
using System.Text.RegularExpressions;

namespace Scrutiny.Dashboard.Presentation;

/// <summary>
/// Numbers as a person types them into a form: pounds with or without the pound sign and thousands
/// separators (£2,150.50), per cent with or without the sign (3.5%). Null when the text is not such a number, so that
/// the form says so rather than the rules calling it missing.
/// </summary>
public static partial class TypedNumbers
{
    public static decimal? Pounds(string typed)
    {
        var amount = typed.Trim().Replace("£", "", StringComparison.Ordinal);
        // A comma only between thousands: "2,15" is more likely two pounds fifteen mistyped than two hundred and fifteen.
        if (amount.Contains(',', StringComparison.Ordinal) && !Thousands().IsMatch(amount)) return null;
        return Number(amount.Replace(",", "", StringComparison.Ordinal));
    }

    public static decimal? Percent(string typed) => Number(typed.Replace("%", "", StringComparison.Ordinal));

    /// <summary>A decimal as the pages write one back into a field: invariant, without trailing zeros (3.5, not 3.500).</summary>
    public static string Write(decimal value) => Silo.Benefits.CaseResource.Plain(value).ToString(CultureInfo.InvariantCulture);

    private static decimal? Number(string typed) =>
        decimal.TryParse(typed.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value : null;

    [GeneratedRegex(@"^-?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]*)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Thousands();
}
