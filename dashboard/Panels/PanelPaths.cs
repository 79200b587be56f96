namespace Scrutiny.Dashboard.Panels;

/// <summary>The addresses of the panel pages and their downloads.</summary>
public static class PanelPaths
{
    public const string List = "/panels";
    public const string New = "/panels/new";

    public static string Panel(string id) => $"/panels/{Uri.EscapeDataString(id)}";

    public static string Edit(string id) => $"{Panel(id)}/edit";

    public static string Csv(string id) => $"{Panel(id)}.csv";

    public static string Workbook(string id) => Silo.Tables.TableRoutes.Workbook(Csv(id));
}
