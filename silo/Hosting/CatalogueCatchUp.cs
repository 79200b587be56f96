using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Hosting;

/// <summary>
/// A request that may write (any method but GET, HEAD and OPTIONS) first brings this node's copy of the catalogue up to
/// the store's version, so that it is checked against every catalogue edit committed before it arrived, on whichever
/// node; pages read a copy up to a second old (<see cref="NodeCatalogue"/>). One small query a write.
/// </summary>
public static class CatalogueCatchUp
{
    public static IApplicationBuilder UseCatalogueCatchUp(this IApplicationBuilder app)
    {
        var catalogue = app.ApplicationServices.GetRequiredService<NodeCatalogue>();
        return app.Use(async (context, next) =>
        {
            if (WriteRequests.MayWrite(context.Request.Method)) await catalogue.CatchUpAsync(context.RequestAborted);
            await next(context);
        });
    }
}
