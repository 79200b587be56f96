using System.Security.Claims;
using Scrutiny.Dashboard.Agencies;
using Scrutiny.Silo.People;

namespace Scrutiny.Dashboard.Account;

/// <summary>
/// A person who signed in with a temporary password chooses their own before anything else: every page sends them to
/// the change page (and back to where they were going afterwards), except the pages that let them leave or say what
/// went wrong; the live catch-up and the hub serve them as anyone not signed in until then.
/// </summary>
public static class PasswordChangeFirst
{
    private static readonly string[] Open = [AccountPaths.Password, AgencySignIn.SignOutPath, AgencySignIn.AccessDeniedPath, "/problem", "/not-found", "/_framework"];

    public static IApplicationBuilder UsePasswordChangeFirst(this IApplicationBuilder app, Func<PathString, bool> isPageRequest) =>
        app.Use((context, next) =>
        {
            var path = context.Request.Path;
            var hubPerson = AgencySignIn.HubPerson(context);
            if (!PersonClaims.MustChangePassword(context.User) && !(hubPerson is not null && PersonClaims.MustChangePassword(hubPerson)))
                return next(context);
            if (!isPageRequest(path))
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
                context.Items.Remove(AgencySignIn.HubPersonItem);
                return next(context);
            }
            if (Open.Any(open => path.StartsWithSegments(open, StringComparison.OrdinalIgnoreCase))) return next(context);
            // A form posted to another page is not replayed: they come back to that page after choosing.
            context.Response.Redirect(AccountPaths.PasswordThen(HttpMethods.IsGet(context.Request.Method)
                ? $"{context.Request.PathBase}{path}{context.Request.QueryString}" : $"{context.Request.PathBase}{path}"));
            return Task.CompletedTask;
        });
}
