using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using Scrutiny.Silo.Api;

namespace Scrutiny.Silo.Security;

/// <summary>
/// Where browsers send what the Content-Security-Policy blocked (<c>report-uri</c> and <c>report-to</c>), so that a
/// violation in the field is seen in the logs, not only in the tests. Open to anyone, since browsers send reports
/// without credentials; held to a small body and the global rate limit, and answered with nothing but a status, so
/// that it echoes nothing back.
/// </summary>
public static class CspReports
{
    public const string Path = "/csp-reports";

    /// <summary>The name <c>report-to</c> gives the endpoint in the <c>Reporting-Endpoints</c> header.</summary>
    public const string EndpointName = "csp-endpoint";

    /// <summary>A report is under 2 KB; a Reporting API batch holds a few. Anything larger is not a browser's report.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    public const string CspReportType = "application/csp-report";
    public const string ReportsType = "application/reports+json";

    /// <summary>The most violations one request may write to the log, however many it holds.</summary>
    private const int MaxLoggedPerRequest = 10;

    public static IEndpointRouteBuilder MapCspReports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, ReceiveAsync).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext context, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type)
            || !(type.MediaType.Equals(CspReportType, StringComparison.OrdinalIgnoreCase) || type.MediaType.Equals(ReportsType, StringComparison.OrdinalIgnoreCase)))
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        if (await BoundedBody.ReadAsync(context.Request, MaxBodyBytes, cancellationToken) is not { } body)
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        if (CspViolation.Read(body, reportingApi: type.MediaType.Equals(ReportsType, StringComparison.OrdinalIgnoreCase), out var notText) is not { } violations)
            // The field is named from our own list of names, never copied from the body, so nothing of it is echoed.
            return notText is null ? Results.BadRequest()
                : Results.Problem(title: "Invalid report.", detail: $"The field {notText} is not text.", statusCode: StatusCodes.Status400BadRequest);
        var logger = loggers.CreateLogger(typeof(CspReports).FullName!);
        foreach (var violation in violations.Take(MaxLoggedPerRequest))
            logger.LogWarning("Content-Security-Policy violation: {Directive} blocked {BlockedUri} on {DocumentUri}",
                violation.Directive, violation.BlockedUri, violation.DocumentUri);
        return Results.NoContent();
    }
}
