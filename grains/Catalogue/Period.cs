using System.Diagnostics.CodeAnalysis;

namespace Scrutiny.Grains.Catalogue;

/// <summary>
/// A reporting period: <c>2026-07</c> (month), <c>2026-Q3</c> (calendar quarter), <c>2026</c> (year),
/// <c>2026/27</c> (financial year, April to March) or <c>2026/27-Q1</c> (financial quarter, Q1 = April to June).
/// </summary>
/// <param name="Year">The calendar year, or the year a financial year starts in.</param>
/// <param name="Index">Month 1–12 or quarter 1–4; 1 for years.</param>
public readonly record struct Period(Frequency Frequency, int Year, int Index) : IComparable<Period>
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

    /// <summary>Earlier start first; of two starting together, the shorter first.</summary>
    public int CompareTo(Period other) =>
        StartMonth.CompareTo(other.StartMonth) is var c and not 0 ? c : (StartMonth + Months).CompareTo(other.StartMonth + other.Months);

    // Every period starts on the first of a month and lasts whole months: compared by those, without making dates
    // (grains sort and search their periods on every batch).
    private int StartMonth => Year * 12 + Frequency switch
    {
        Frequency.Monthly => Index - 1,
        Frequency.Quarterly => (Index - 1) * 3,
        Frequency.FinancialYear => 3,
        Frequency.FinancialQuarter => 3 + (Index - 1) * 3,
        _ => 0,
    };

    private int Months => Frequency switch
    {
        Frequency.Monthly => 1,
        Frequency.Quarterly or Frequency.FinancialQuarter => 3,
        _ => 12,
    };

    public override string ToString() => Frequency switch
    {
        Frequency.Monthly => $"{Year:D4}-{Index:D2}",
        Frequency.Quarterly => $"{Year:D4}-Q{Index}",
        Frequency.Annual => $"{Year:D4}",
        Frequency.FinancialYear => $"{Year:D4}/{(Year + 1) % 100:D2}",
        Frequency.FinancialQuarter => $"{Year:D4}/{(Year + 1) % 100:D2}-Q{Index}",
        _ => throw new InvalidOperationException(),
    };

    /// <summary>
    /// Reads any of the five period forms, ASCII digits only and nothing after (not even a line break). By hand, not by
    /// a regular expression: every grain sorts and compares its periods by reading them, and an import of a batch
    /// read them millions of times.
    /// </summary>
    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        var s = text.AsSpan();
        if (s.Length < 4 || !TryDigits(s[..4], out var year) || year is < 1900 or > 2999) return false;
        var rest = s[4..];
        if (rest.IsEmpty)
        {
            period = new Period(Frequency.Annual, year, 1);
            return true;
        }
        if (rest[0] == '-' && rest.Length == 3)
        {
            if (TryQuarter(rest[1..], out var quarter))
            {
                period = new Period(Frequency.Quarterly, year, quarter);
                return true;
            }
            if (!TryDigits(rest[1..], out var month) || month is < 1 or > 12) return false;
            period = new Period(Frequency.Monthly, year, month);
            return true;
        }
        // 2026/27: the second year must follow the first.
        if (rest[0] != '/' || rest.Length < 3 || !TryDigits(rest[1..3], out var next) || next != (year + 1) % 100) return false;
        rest = rest[3..];
        if (rest.IsEmpty)
        {
            period = new Period(Frequency.FinancialYear, year, 1);
            return true;
        }
        if (rest.Length != 3 || rest[0] != '-' || !TryQuarter(rest[1..], out var financialQuarter)) return false;
        period = new Period(Frequency.FinancialQuarter, year, financialQuarter);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (var c in digits)
        {
            if (c is < '0' or > '9') return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }

    /// <summary>"Q1" to "Q4".</summary>
    private static bool TryQuarter(ReadOnlySpan<char> text, out int quarter)
    {
        quarter = text is ['Q', >= '1' and <= '4'] ? text[1] - '0' : 0;
        return quarter > 0;
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
}
