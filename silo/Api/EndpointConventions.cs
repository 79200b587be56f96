using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Scrutiny.Silo.Security;

namespace Scrutiny.Silo.Api;

public static class EndpointConventions
{
    /// <summary>Any API key may call the endpoint; without one it answers 401.</summary>
    public static RouteHandlerBuilder ForAnyKey(this RouteHandlerBuilder endpoint) =>
        endpoint.RequireAuthorization(ScrutinyAuth.AnyKeyPolicy)
            .Produces(StatusCodes.Status401Unauthorized);

    /// <summary>Only an administrator's key may call the endpoint: 401 without a key, 403 with an agency's.</summary>
    public static RouteHandlerBuilder ForAdministrators(this RouteHandlerBuilder endpoint) =>
        endpoint.RequireAuthorization(ScrutinyAuth.AdminPolicy)
            .Produces(StatusCodes.Status401Unauthorized)
            .Produces(StatusCodes.Status403Forbidden);
}
