namespace Scrutiny.Dashboard.Comparisons;

/// <summary>The addresses of the comparison pages and their downloads.</summary>
public static class ComparePaths
{
    public const string Compare = "/compare";
    public const string CompareCsv = "/compare.csv";
    public static readonly string CompareWorkbook = Silo.Tables.TableRoutes.Workbook(CompareCsv);
    public const string HeatMap = "/compare/heat-map";
    public const string HeatMapCsv = "/compare/heat-map.csv";
    public static readonly string HeatMapWorkbook = Silo.Tables.TableRoutes.Workbook(HeatMapCsv);
}
