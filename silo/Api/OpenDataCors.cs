using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Scrutiny.Silo.Api;

/// <summary>
/// Cross-origin reads of published data: any web page may GET an open-data endpoint, without credentials, and
/// read its validators and a 429's wait. Only endpoints that name the policy (<see cref="EndpointConventions.ForAnyone"/>)
/// have CORS at all: writes, keyed reads and pages answer no cross-origin request and no preflight.
/// </summary>
public static class OpenDataCors
{
    public const string Policy = "open-data";

    public static IServiceCollection AddOpenDataCors(this IServiceCollection services) =>
        services.AddCors(cors => cors.AddPolicy(Policy, policy => policy
            // "*": no origin is trusted with more than another, and no credentials (cookie or key) are asked for.
            .AllowAnyOrigin()
            .WithMethods("GET")
            // A conditional GET's headers, so that a page may revalidate; Authorization is not among them: a key does
            // not belong in a web page.
            .WithHeaders(HeaderNames.Accept, HeaderNames.IfNoneMatch, HeaderNames.IfModifiedSince)
            .WithExposedHeaders(HeaderNames.ETag, HeaderNames.LastModified, HeaderNames.RetryAfter)
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));
}
