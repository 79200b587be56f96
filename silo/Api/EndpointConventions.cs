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

    /// <summary>
    /// A read of published data: anyone may call it without a key and reads what the public sees (the handler reads
    /// values through <c>DataViews.For(user)</c>, which is the public's view for an anonymous caller); a good key reads
    /// what its role may; a key presented and refused gets 401. Without a key the caller has a budget per address
    /// (429 with Retry-After past it), a strong ETag and a 304 for a matching If-None-Match, and CORS for any origin.
    /// </summary>
    public static RouteHandlerBuilder ForAnyone(this RouteHandlerBuilder endpoint) =>
        endpoint.RequireAuthorization(ScrutinyAuth.NoBadKeyPolicy)
            .RequireCors(OpenDataCors.Policy)
            .WithMetadata(OpenData.Read)
            .Produces(StatusCodes.Status304NotModified)
            .Produces(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    /// <summary>Only an administrator's key may call the endpoint: 401 without a key, 403 with an agency's.</summary>
    public static RouteHandlerBuilder ForAdministrators(this RouteHandlerBuilder endpoint) =>
        endpoint.RequireAuthorization(ScrutinyAuth.AdminPolicy)
            .Produces(StatusCodes.Status401Unauthorized)
            .Produces(StatusCodes.Status403Forbidden);
}
