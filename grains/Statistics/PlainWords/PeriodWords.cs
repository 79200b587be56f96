using System.Globalization;
using Scrutiny.Grains.Catalogue;

namespace Scrutiny.Grains.Statistics.PlainWords;

/// <summary>Periods, their lengths and counts of them as a resident would say them.</summary>
public static class PeriodWords
{
    /// <summary>"October 2026", "January to March 2026", "2026", "2025/26", "April to June 2025".</summary>
    public static string Name(Period period) => period.Frequency switch
    {
        Frequency.Monthly => Month(period.Start) + " " + period.Start.Year.ToString(CultureInfo.InvariantCulture),
        Frequency.Quarterly or Frequency.FinancialQuarter =>
            $"{Month(period.Start)} to {Month(period.End.AddDays(-1))} {period.End.AddDays(-1).Year.ToString(CultureInfo.InvariantCulture)}",
        _ => period.ToString(),
    };

    /// <summary>"month", "quarter" or "year": what one step of the series is called.</summary>
    public static string Step(Frequency frequency) => frequency switch
    {
        Frequency.Monthly => "month",
        Frequency.Quarterly or Frequency.FinancialQuarter => "quarter",
        _ => "year",
    };

    /// <summary>1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st, 22nd, 101st, 111th.</summary>
    public static string Ordinal(int n)
    {
        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch
        {
            1 => "st",
            2 => "nd",
            3 => "rd",
            _ => "th",
        };
        return n.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    private static string Month(DateOnly day) => day.ToString("MMMM", CultureInfo.InvariantCulture);
}
