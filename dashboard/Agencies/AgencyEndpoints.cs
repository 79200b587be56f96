using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Security;

namespace Scrutiny.Dashboard.Agencies;

/// <summary>The agency pages' endpoints that render no page: signing out and the CSV template.</summary>
public static class AgencyEndpoints
{
    public static IEndpointRouteBuilder MapAgencyEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Open to anyone: signing out of a session that has already expired must still clear its cookie.
        endpoints.MapPost(AgencySignIn.SignOutPath, SignOutAsync).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet(AgencyPaths.Template, TemplateAsync).RequireAuthorization(AgencySignIn.Policy).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        // A form post from another site must not sign people out; the token is checked here because the endpoint
        // reads no form field that would make the framework check it.
        if (!await antiforgery.IsRequestValidAsync(context)) return Results.BadRequest();
        await context.SignOutAsync(AgencySignIn.CookieScheme);
        return Results.Redirect("/");
    }

    private static async Task<IResult> TemplateAsync(HttpContext context, ReturnsTemplate template, string? period, CancellationToken cancellationToken)
    {
        if (!Period.TryParse(period, out var month))
            return Results.BadRequest("Choose a period, such as 2026-10 for October 2026.");
        var agency = context.User.AgencyCode()!;
        return await template.DownloadAsync(agency, month, cancellationToken);
    }
}
