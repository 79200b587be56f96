using Orleans.Runtime;

namespace Scrutiny.Dashboard.Admin;

/// <summary>
/// Orleans' dashboard endpoints take a silo address from the path and answer a 500 (an address they cannot read) or a
/// 503 (one that names no silo) for a made-up one. Checked here first: an address that is not one of the cluster's
/// silos is a 404, and whatever else the dashboard cannot read is a 400, never a 5xx.
/// </summary>
public static class OrleansDashboardInput
{
    public static RouteGroupBuilder CheckedInput(this RouteGroupBuilder group) => group.AddEndpointFilter(async (context, next) =>
    {
        var http = context.HttpContext;
        var routeValues = http.Request.RouteValues;
        var silo = routeValues.TryGetValue("address", out var address) ? address as string
            : http.Request.Path.Value?.Contains("/HistoricalStats/", StringComparison.OrdinalIgnoreCase) == true ? routeValues["path"] as string
            : null;
        if (silo is not null && !IsMember(http.RequestServices, silo))
            return Results.NotFound("No silo of this cluster has that address.");
        try
        {
            return await next(context);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or KeyNotFoundException or InvalidOperationException)
        {
            return Results.BadRequest("The Orleans dashboard cannot read that address.");
        }
    });

    private static bool IsMember(IServiceProvider services, string text)
    {
        SiloAddress address;
        try
        {
            address = SiloAddress.FromParsableString(text);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or IndexOutOfRangeException or OverflowException)
        {
            return false;
        }
        return services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.Members.ContainsKey(address);
    }
}
