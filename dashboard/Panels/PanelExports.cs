using System.Security.Claims;
using Scrutiny.Silo.Panels;
using Scrutiny.Silo.Publication;
using Scrutiny.Silo.Tables;

namespace Scrutiny.Dashboard.Panels;

/// <summary>A panel's download, as CSV or a workbook.</summary>
public static class PanelExports
{
    public static IEndpointRouteBuilder MapPanelExports(this IEndpointRouteBuilder endpoints)
    {
        // Public, as the panel's page is: a panel is shared by its address, and every figure in it is on public
        // pages already. The /api/v1 reads need a key; a committee clerk following the link has none.
        TableRoutes.Map("/panels/{id}.csv", route => endpoints.MapGet(route, CsvAsync)).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> CsvAsync(string id, PanelStore panels, PanelFigures figures, DataViews views, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (await panels.FindAsync(id, cancellationToken) is not { } panel) return Results.NotFound();
        var outcomes = views.For(user);
        var rows = await figures.ForAsync(outcomes, panel, cancellationToken);
        return new TableFile($"panel_{panel.Id}", csv => PanelCsv.Write(csv, panel, rows), PanelCsv.About(panel, TableViews.Of(outcomes)));
    }
}
