namespace Scrutiny.Load;

/// <summary>Periods of each frequency written as the API reads them (<c>2020-12</c>, <c>2020-Q4</c>, <c>2020</c>, <c>2020/21</c>, <c>2020/21-Q4</c>).</summary>
public static class Periods
{
    /// <summary>The oldest year a period may be in.</summary>
    private const int FirstYear = 1900;

    /// <summary>The <paramref name="back"/>-th period before the one that holds the end of <paramref name="lastYear"/>; null before 1900.</summary>
    public static string? Back(string frequency, int lastYear, int back)
    {
        var (perYear, steps) = frequency switch { "monthly" => (12, 12), "quarterly" or "financial_quarter" => (4, 4), _ => (1, 1) };
        var index = lastYear * perYear + steps - 1 - back;
        var (year, within) = (index / perYear, index % perYear + 1);
        if (year < FirstYear) return null;
        return frequency switch
        {
            "monthly" => $"{year:D4}-{within:D2}",
            "quarterly" => $"{year:D4}-Q{within}",
            "annual" => $"{year:D4}",
            "financial_year" => $"{year:D4}/{(year + 1) % 100:D2}",
            _ => $"{year:D4}/{(year + 1) % 100:D2}-Q{within}",
        };
    }

    /// <summary>The <paramref name="forward"/>-th month from January of <paramref name="firstYear"/>.</summary>
    public static string Month(int firstYear, int forward) => $"{firstYear + forward / 12:D4}-{forward % 12 + 1:D2}";
}
