using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Xlsx;

namespace Scrutiny.Dashboard.Agencies;

/// <summary>
/// The returns template's sheets: "Returns" (the header locked and frozen, the rows to fill in, drop-down lists),
/// "Instructions" (each column, and each indicator's unit and denominator) and "Lists" (hidden: the drop-downs' choices).
/// The upload reads the "Returns" sheet and ignores the others.
/// </summary>
public static class ReturnsWorkbook
{
    /// <summary>How far down the drop-down lists reach: room for rows a person adds below the template's own.</summary>
    public const int ListRows = 5_000;

    /// <summary>How many months back the period list goes from the chosen month: a year, and the month a year before.</summary>
    private const int MonthsListed = 13;

    public static XlsxSheet[] Sheets(string agencyCode, Period month, IReadOnlyList<Place> places, IReadOnlyList<IndicatorDefinition> indicators)
    {
        var periods = PeriodChoices(month, indicators);
        var rows = new XlsxRowWriter();
        ReturnsTemplate.WriteRows(rows, month, places, indicators);
        var last = Math.Max(rows.Rows.Count, ListRows + 1);

        var returns = new XlsxSheet("Returns", rows.Rows)
        {
            FreezeHeader = true,
            Protect = true,
            Columns = [XlsxColumn.Text, XlsxColumn.Text, XlsxColumn.Text, XlsxColumn.Number, XlsxColumn.Number, XlsxColumn.Text],
            Widths = [14, 32, 12, 14, 14, 40],
            // A list with no choices (an agency with no places or indicators yet) is left out rather than written empty.
            Lists =
            [
                .. places.Count == 0 ? [] : new[] { new XlsxList($"A2:A{last}", $"Lists!$A$2:$A${places.Count + 1}", "One of your places, by its code.") },
                .. indicators.Count == 0 ? [] : new[] { new XlsxList($"B2:B{last}", $"Lists!$B$2:$B${indicators.Count + 1}", "One of your indicators, by its code.") },
                .. periods.Count == 0 ? [] : new[] { new XlsxList($"C2:C{last}", $"Lists!$C$2:$C${periods.Count + 1}",
                    "A period of the indicator's frequency, such as 2026-07 or 2026-Q3.") },
            ],
        };
        var lists = new XlsxSheet("Lists", ListSheetRows(places, indicators, periods)) { Hidden = true };
        return [returns, new XlsxSheet("Instructions", Instructions(agencyCode, month, indicators)) { Widths = [30, 50, 22, 14, 40, 36] }, lists];
    }

    /// <summary>The periods a person may want: for each frequency the agency returns, those of the chosen month and the year before it.</summary>
    private static List<string> PeriodChoices(Period month, IReadOnlyList<IndicatorDefinition> indicators)
    {
        var periods = new List<string>();
        foreach (var frequency in indicators.Select(i => i.Frequency).Distinct())
            for (var (m, n) = (month, 0); n < MonthsListed; (m, n) = (m.Previous(), n + 1))
                if (Period.Containing(m.Start, frequency).ToString() is var period && !periods.Contains(period)) periods.Add(period);
        return periods;
    }

    private static IEnumerable<IReadOnlyList<object?>> ListSheetRows(IReadOnlyList<Place> places, IReadOnlyList<IndicatorDefinition> indicators, List<string> periods)
    {
        yield return ["place", "indicator", "period"];
        for (var i = 0; i < Math.Max(places.Count, Math.Max(indicators.Count, periods.Count)); i++)
            yield return [i < places.Count ? places[i].Code : null, i < indicators.Count ? indicators[i].Code : null, i < periods.Count ? periods[i] : null];
    }

    private static IEnumerable<IReadOnlyList<object?>> Instructions(string agencyCode, Period month, IReadOnlyList<IndicatorDefinition> indicators)
    {
        yield return [$"Returns template for agency {agencyCode}, {month.Start:MMMM yyyy}"];
        yield return [null];
        yield return ["Fill in the numerator (and the denominator where the indicator needs one) on the Returns sheet, save the workbook as .xlsx and upload it. If any row has a problem, nothing is saved, and each problem names its cell."];
        yield return ["The header row is locked so that it stays as the upload expects; every other cell is open. You may add rows below, or delete rows you have nothing for. The place, indicator and period cells offer drop-down lists, taken from the hidden Lists sheet; a value not in a list gets a warning, and the upload checks every value. The place, indicator, period and note columns are formatted as text, so that 2026-07 stays as typed."];
        yield return ["A period may be typed as text (2026-07, 2026-Q3, 2026, 2026/27, 2026/27-Q1) or as a date: a date stands for the period of the indicator's frequency that contains it (1 July 2026 is 2026-07 for a monthly indicator, 2026-Q3 for a quarterly one)."];
        yield return [null];
        yield return ["Column", "What it holds"];
        yield return ["place", "The place's code (a local authority code, such as E08000003)."];
        yield return ["indicator", "The indicator's code: see the table below."];
        yield return ["period", "The period the value is for, of the indicator's frequency."];
        yield return ["numerator", "The number counted: a count, or the top of a rate or percentage. A number, without thousands separators."];
        yield return ["denominator", "For rates and percentages only: the number the numerator is out of. Leave it empty for the others."];
        yield return ["note", "Optional: anything a reader of the value should know. Kept exactly as written."];
        yield return [null];
        yield return ["Indicator", "Title", "Unit", "Frequency", "Denominator", "Value shown"];
        foreach (var indicator in indicators)
            yield return [indicator.Code, indicator.Title, Unit(indicator.Unit), CatalogueNames.Name(indicator.Frequency).Replace('_', ' '),
                indicator.NeedsDenominator ? "Needed: the number the numerator is out of (more than 0)" : "None: leave it empty",
                indicator.Multiplier is { } multiplier ? $"numerator ÷ denominator × {multiplier:N0}" : "the numerator"];
    }

    private static string Unit(IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Count => "count (a whole number)",
        IndicatorUnit.Percentage => "percentage",
        IndicatorUnit.RatePer1000 => "rate per 1,000",
        IndicatorUnit.RatePer100000 => "rate per 100,000",
        IndicatorUnit.PercentagePoints => "percentage points",
        _ => "value",
    };
}
