namespace Scrutiny.Dashboard.Comparisons;

/// <summary>The addresses of the comparison pages and their downloads.</summary>
public static class ComparePaths
{
    public const string Compare = "/compare";
    public const string CompareCsv = "/compare.csv";
    public const string CompareWorkbook = "/compare.xlsx";
    public const string HeatMap = "/compare/heat-map";
    public const string HeatMapCsv = "/compare/heat-map.csv";
    public const string HeatMapWorkbook = "/compare/heat-map.xlsx";
}
