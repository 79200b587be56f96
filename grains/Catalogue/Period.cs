using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Scrutiny.Grains.Catalogue;

/// <summary>
/// A reporting period: <c>2026-07</c> (month), <c>2026-Q3</c> (calendar quarter), <c>2026</c> (year),
/// <c>2026/27</c> (financial year, April to March) or <c>2026/27-Q1</c> (financial quarter, Q1 = April to June).
/// </summary>
/// <param name="Year">The calendar year, or the year a financial year starts in.</param>
/// <param name="Index">Month 1–12 or quarter 1–4; 1 for years.</param>
public readonly partial record struct Period(Frequency Frequency, int Year, int Index) : IComparable<Period>
{
    /// <summary>First day of the period.</summary>
    public DateOnly Start => Frequency switch
    {
        Frequency.Monthly => new DateOnly(Year, Index, 1),
        Frequency.Quarterly => new DateOnly(Year, (Index - 1) * 3 + 1, 1),
        Frequency.Annual => new DateOnly(Year, 1, 1),
        Frequency.FinancialYear => new DateOnly(Year, 4, 1),
        Frequency.FinancialQuarter => new DateOnly(Year, 4, 1).AddMonths((Index - 1) * 3),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>First day after the period.</summary>
    public DateOnly End => Next().Start;

    public Period Next() => Frequency switch
    {
        Frequency.Monthly => Index == 12 ? this with { Year = Year + 1, Index = 1 } : this with { Index = Index + 1 },
        Frequency.Quarterly or Frequency.FinancialQuarter =>
            Index == 4 ? this with { Year = Year + 1, Index = 1 } : this with { Index = Index + 1 },
        _ => this with { Year = Year + 1 },
    };

    /// <summary>The period just before this one, of the same frequency.</summary>
    public Period Previous() => Containing(Start.AddDays(-1), Frequency);

    public int CompareTo(Period other) => Start.CompareTo(other.Start) is var c and not 0 ? c : End.CompareTo(other.End);

    public override string ToString() => Frequency switch
    {
        Frequency.Monthly => $"{Year:D4}-{Index:D2}",
        Frequency.Quarterly => $"{Year:D4}-Q{Index}",
        Frequency.Annual => $"{Year:D4}",
        Frequency.FinancialYear => $"{Year:D4}/{(Year + 1) % 100:D2}",
        Frequency.FinancialQuarter => $"{Year:D4}/{(Year + 1) % 100:D2}-Q{Index}",
        _ => throw new InvalidOperationException(),
    };

    /// <summary>Reads any of the five period forms.</summary>
    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        var m = PeriodPattern().Match(text ?? "");
        if (!m.Success) return false;
        var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year is < 1900 or > 2999) return false;
        if (m.Groups["next"].Success)
        {
            // 2026/27: the second year must follow the first.
            if (int.Parse(m.Groups["next"].Value, CultureInfo.InvariantCulture) != (year + 1) % 100) return false;
            period = m.Groups["fq"].Success
                ? new Period(Frequency.FinancialQuarter, year, m.Groups["fq"].Value[0] - '0')
                : new Period(Frequency.FinancialYear, year, 1);
            return true;
        }
        if (m.Groups["month"].Success)
        {
            var month = int.Parse(m.Groups["month"].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12) return false;
            period = new Period(Frequency.Monthly, year, month);
            return true;
        }
        period = m.Groups["q"].Success
            ? new Period(Frequency.Quarterly, year, m.Groups["q"].Value[0] - '0')
            : new Period(Frequency.Annual, year, 1);
        return true;
    }

    /// <summary>Reads a period, which must be of <paramref name="frequency"/>.</summary>
    public static bool TryParse(string? text, Frequency frequency, [NotNullWhen(true)] out Period? period)
    {
        period = TryParse(text, out var p) && p.Frequency == frequency ? p : null;
        return period is not null;
    }

    public static Period Parse(string text) =>
        TryParse(text, out var p) ? p : throw new FormatException($"'{text}' is not a period.");

    /// <summary>The period of <paramref name="frequency"/> that contains <paramref name="date"/>.</summary>
    public static Period Containing(DateOnly date, Frequency frequency)
    {
        var financialYear = date.Month >= 4 ? date.Year : date.Year - 1;
        return frequency switch
        {
            Frequency.Monthly => new Period(frequency, date.Year, date.Month),
            Frequency.Quarterly => new Period(frequency, date.Year, (date.Month - 1) / 3 + 1),
            Frequency.Annual => new Period(frequency, date.Year, 1),
            Frequency.FinancialYear => new Period(frequency, financialYear, 1),
            Frequency.FinancialQuarter => new Period(frequency, financialYear, ((date.Month + 8) % 12) / 3 + 1),
            _ => throw new ArgumentOutOfRangeException(nameof(frequency)),
        };
    }

    /// <summary>An example of the form periods of <paramref name="frequency"/> take, for error messages.</summary>
    public static string Example(Frequency frequency) => frequency switch
    {
        Frequency.Monthly => "2026-07",
        Frequency.Quarterly => "2026-Q3",
        Frequency.Annual => "2026",
        Frequency.FinancialYear => "2026/27",
        _ => "2026/27-Q1",
    };

    [GeneratedRegex(@"^(?<year>\d{4})(?:-(?<month>\d{2})|-Q(?<q>[1-4])|/(?<next>\d{2})(?:-Q(?<fq>[1-4]))?)?$")]
    private static partial Regex PeriodPattern();
}
