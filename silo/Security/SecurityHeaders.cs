using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Scrutiny.Silo.Security;

/// <summary>
/// The response headers every answer carries, page, file, API or CSV alike, on the dashboard and on a headless node.
/// docs/security.md says why each directive is there.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Scripts and styles only from our own files: no inline script, no eval, no <c>&lt;style&gt;</c> element. Style
    /// attributes are the one exception (<c>style-src-attr 'unsafe-inline'</c>, never <c>style-src-elem</c>): ApexCharts
    /// exports a chart (the PNG and SVG downloads) by parsing it as SVG markup full of <c>style="…"</c>, and the browser
    /// reports every one of those as a violation. A style attribute runs no script, holds no selector (so cannot read
    /// the page), and loads nothing that <c>img-src</c> does not allow. <c>data:</c> and <c>blob:</c> images are the
    /// downloads themselves. Violations are reported to <see cref="CspReports"/>: <c>report-to</c> for browsers with the
    /// Reporting API, <c>report-uri</c> for the rest (a browser that knows <c>report-to</c> ignores <c>report-uri</c>).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; " +
        $"report-uri {CspReports.Path}; report-to {CspReports.EndpointName}";

    /// <summary>The Reporting API's endpoints, by name: the one <c>report-to</c> names, on this site.</summary>
    public const string ReportingEndpoints = $"{CspReports.EndpointName}=\"{CspReports.Path}\"";

    /// <summary>Features no page uses, turned off so that nothing embedded or injected can ask for them.</summary>
    public const string PermissionsPolicy =
        "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    /// <summary>HSTS everywhere but Development, where the dashboard is served over plain HTTP on localhost.</summary>
    public static bool UsesHsts(IHostEnvironment environment) => !environment.IsDevelopment();

    /// <summary>How long browsers keep to HTTPS once told (HSTS <c>max-age</c>): a year, as the preload list asks.</summary>
    public static readonly TimeSpan HstsMaxAge = TimeSpan.FromDays(365);

    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services) =>
        services.AddHsts(options =>
        {
            options.MaxAge = HstsMaxAge;
            options.IncludeSubDomains = true;
        });

    /// <summary>First in the pipeline, so that static files, status code pages and errors get the headers too.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var environment = app.ApplicationServices.GetRequiredService<IHostEnvironment>();
        // UseHsts sends the header only over HTTPS and never to localhost (a browser would pin it for every port).
        if (UsesHsts(environment)) app.UseHsts();
        return app.Use((context, next) =>
        {
            // Set as the response starts, so that a handler that clears the response (the exception handler) or a
            // re-executed status code page still leaves with them.
            context.Response.OnStarting(static state =>
            {
                Apply(((HttpContext)state).Response.Headers);
                return Task.CompletedTask;
            }, context);
            return next(context);
        });
    }

    private static void Apply(IHeaderDictionary headers)
    {
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Reporting-Endpoints"] = ReportingEndpoints;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
    }
}
