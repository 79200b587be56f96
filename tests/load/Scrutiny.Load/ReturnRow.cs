using System.Globalization;
using System.Text;

namespace Scrutiny.Load;

/// <summary>One agency's value for a place, indicator and period, as the tool sends it and as the ledger keeps it.</summary>
public sealed record ReturnRow(string Agency, string Place, string Indicator, string Period, double Numerator, double? Denominator)
{
    /// <summary>A plausible value for the indicator's unit: whole counts, a numerator no larger than its denominator.</summary>
    public static ReturnRow Make(Random random, string agency, string place, CatalogueIndicator indicator, string period)
    {
        if (!indicator.NeedsDenominator) return new ReturnRow(agency, place, indicator.Code, period,
            indicator.Unit == "count" ? random.Next(0, 5_000) : Math.Round(random.NextDouble() * 100, 2), null);
        var denominator = random.Next(1_000, 100_000);
        return new ReturnRow(agency, place, indicator.Code, period, random.Next(0, denominator), denominator);
    }

    /// <summary>
    /// The same return with its value changed, still plausible: one less (one more below 1), so a count stays whole and a
    /// numerator stays within its denominator.
    /// </summary>
    public static ReturnRow Corrected(ReturnRow row) => row with { Numerator = row.Numerator >= 1 ? row.Numerator - 1 : row.Numerator + 1 };

    /// <summary>A returns CSV of <paramref name="rows"/>, with its header, as an agency uploads it.</summary>
    public static string Csv(IEnumerable<ReturnRow> rows)
    {
        var csv = new StringBuilder("place,indicator,period,numerator,denominator,note\n");
        foreach (var row in rows) csv.Append(CultureInfo.InvariantCulture, $"{row.Place},{row.Indicator},{row.Period},{row.Numerator},{row.Denominator},\n");
        return csv.ToString();
    }
}
