using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.People;
using Scrutiny.Silo.Security;

namespace Scrutiny.Dashboard.Agencies;

/// <summary>The agency pages' endpoints that render no page: signing out and the templates (CSV and .xlsx).</summary>
public static class AgencyEndpoints
{
    public static IEndpointRouteBuilder MapAgencyEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Open to anyone: signing out of a session that has already expired must still clear its cookie.
        endpoints.MapPost(AgencySignIn.SignOutPath, SignOutAsync).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet(AgencyPaths.Template, TemplateAsync).RequireAuthorization(AgencySignIn.Policy).ExcludeFromDescription();
        endpoints.MapGet(AgencyPaths.WorkbookTemplate, WorkbookTemplateAsync).RequireAuthorization(AgencySignIn.Policy).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery, AccessRevocations revocations)
    {
        // A form post from another site must not sign people out; the token is checked here because the endpoint
        // reads no form field that would make the framework check it.
        if (!await IsValidPostAsync(context, antiforgery)) return Results.BadRequest();
        await context.SignOutAsync(AgencySignIn.CookieScheme);
        // No node goes on believing the person from memory: their next session, anywhere, starts from the store.
        if (Person.TryParseActor(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var personId))
            await revocations.PersonChangedAsync(personId);
        return Results.Redirect("/");
    }

    /// <summary>
    /// The antiforgery check, with a body that is no form (multipart without its boundary, a NUL in a value) counted as
    /// failing it: IsRequestValidAsync throws for one rather than answering false, which was a 500.
    /// </summary>
    private static async Task<bool> IsValidPostAsync(HttpContext context, IAntiforgery antiforgery)
    {
        try
        {
            return await antiforgery.IsRequestValidAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }

    private static async Task<IResult> TemplateAsync(HttpContext context, ReturnsTemplate template, string? period, CancellationToken cancellationToken) =>
        Month(period) is { } month ? await template.DownloadAsync(context.User.AgencyCode()!, month, cancellationToken) : NoMonth();

    private static async Task<IResult> WorkbookTemplateAsync(HttpContext context, ReturnsTemplate template, string? period, CancellationToken cancellationToken) =>
        Month(period) is { } month ? await template.DownloadWorkbookAsync(context.User.AgencyCode()!, month, cancellationToken) : NoMonth();

    private static Period? Month(string? period) => Period.TryParse(period, out var month) ? month : null;

    private static IResult NoMonth() => Results.BadRequest("Choose a period, such as 2026-10 for October 2026.");
}
