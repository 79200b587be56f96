using System.Security.Claims;
using Scrutiny.Silo.Csv;
using Scrutiny.Silo.Panels;
using Scrutiny.Silo.Publication;

namespace Scrutiny.Dashboard.Panels;

/// <summary>A panel's CSV download.</summary>
public static class PanelExports
{
    public static IEndpointRouteBuilder MapPanelExports(this IEndpointRouteBuilder endpoints)
    {
        // Public, as the panel's page is: a panel is shared by its address, and every figure in it is on public
        // pages already. The /api/v1 reads need a key; a committee clerk following the link has none.
        endpoints.MapGet("/panels/{id}.csv", CsvAsync).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> CsvAsync(string id, PanelStore panels, PanelFigures figures, DataViews views, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (await panels.FindAsync(id, cancellationToken) is not { } panel) return Results.NotFound();
        var rows = await figures.ForAsync(views.For(user), panel, cancellationToken);
        return SafeCsv.Download($"panel_{panel.Id}.csv", csv => PanelCsv.Write(csv, panel, rows));
    }
}
