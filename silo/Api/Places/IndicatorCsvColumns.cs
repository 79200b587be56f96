using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Csv;

namespace Scrutiny.Silo.Api.Places;

/// <summary>
/// The columns that open every row of an indicator's series, revisions and forecast CSVs, so that a row pasted
/// elsewhere still says which place and indicator it is, in what unit, which way is better and how it was combined.
/// </summary>
public static class IndicatorCsvColumns
{
    public static readonly string[] Names = ["place", "indicator", "title", "unit", "polarity", "frequency", "method"];

    /// <summary>The header: these columns, then <paramref name="rest"/>.</summary>
    public static void Header(IRowWriter csv, params string[] rest) => csv.Header([.. Names, .. rest]);

    /// <summary>The row's opening cells, for <paramref name="place"/> and <paramref name="d"/>.</summary>
    public static IRowWriter Indicator(this IRowWriter csv, string place, IndicatorDefinition d) =>
        csv.Text(place).Text(d.Code).Text(d.Title).Text(CatalogueNames.Name(d.Unit)).Text(CatalogueNames.Name(d.Polarity))
            .Text(CatalogueNames.Name(d.Frequency)).Text(CatalogueNames.Name(d.Combine));
}
