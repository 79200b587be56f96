namespace Scrutiny.Dashboard.Agencies;

/// <summary>The agency pages' addresses, in one place for pages, links and tests.</summary>
public static class AgencyPaths
{
    public const string Home = "/agency";
    public const string OurReturns = "/agency/returns";
    public const string Upload = "/agency/returns/upload";
    public const string NewReturn = "/agency/returns/new";
    public const string Template = "/agency/returns/template";
    public const string WorkbookTemplate = "/agency/returns/template.xlsx";

    public static string TemplateFor(string period) => $"{Template}?period={Uri.EscapeDataString(period)}";
}
