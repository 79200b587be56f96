using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Scrutiny.Silo.Tables;

/// <summary>Maps a table's download at its <c>.csv</c> address and its <c>.xlsx</c> twin, one handler for both.</summary>
public static class TableRoutes
{
    /// <param name="csvPattern">The CSV's route, ending <c>.csv</c>; the workbook's is the same ending <c>.xlsx</c>.</param>
    /// <param name="mapGet">
    /// Maps one handler at the route it is given, as <c>route =&gt; endpoints.MapGet(route, Handler)</c>; the handler
    /// answers a <see cref="TableFile"/> (or a refusal), which takes its format from the route. The caller writes the
    /// <c>MapGet</c> so that the handler is named where it is mapped: the request delegate generator then builds its
    /// request delegate when the project compiles, where a handler passed in as a <see cref="Delegate"/> would be
    /// compiled from expression trees each time a node starts.
    /// </param>
    public static IEndpointConventionBuilder Map(string csvPattern, Func<string, RouteHandlerBuilder> mapGet)
    {
        if (!csvPattern.EndsWith(".csv", StringComparison.Ordinal))
            throw new ArgumentException($"A table's route ends .csv, not '{csvPattern}'.", nameof(csvPattern));
        var csv = mapGet(csvPattern).WithMetadata(new TableRoute(TableFormat.Csv));
        var xlsx = mapGet(Workbook(csvPattern)).WithMetadata(new TableRoute(TableFormat.Xlsx));
        return new Both(csv, xlsx);
    }

    /// <summary>The format the request's route answers (CSV where it is not a table's route).</summary>
    public static TableFormat FormatOf(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<TableRoute>()?.Format ?? TableFormat.Csv;

    /// <summary>The workbook's address beside a CSV's (<c>/places.csv?x=1</c> → <c>/places.xlsx?x=1</c>).</summary>
    public static string Workbook(string csvHref)
    {
        var query = csvHref.IndexOf('?');
        var path = query < 0 ? csvHref : csvHref[..query];
        if (!path.EndsWith(".csv", StringComparison.Ordinal))
            throw new ArgumentException($"'{csvHref}' is not a CSV's address.", nameof(csvHref));
        return path[..^4] + ".xlsx" + (query < 0 ? "" : csvHref[query..]);
    }

    /// <summary>Conventions (authorisation, description) applied to both routes alike, so that they can never differ.</summary>
    private sealed class Both(IEndpointConventionBuilder first, IEndpointConventionBuilder second) : IEndpointConventionBuilder
    {
        public void Add(Action<EndpointBuilder> convention)
        {
            first.Add(convention);
            second.Add(convention);
        }

        public void Finally(Action<EndpointBuilder> finallyConvention)
        {
            first.Finally(finallyConvention);
            second.Finally(finallyConvention);
        }
    }
}
