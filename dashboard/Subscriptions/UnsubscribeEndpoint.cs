using Scrutiny.Dashboard.Forms;
using Scrutiny.Silo.Email.Subscriptions;

namespace Scrutiny.Dashboard.Subscriptions;

/// <summary>
/// Ending a resident's subscription with a post to the link in its email: from a mail client's one-click unsubscribe
/// (RFC 8058: the body <c>List-Unsubscribe=One-Click</c>, no cookie, no page), or from the page's button. No sign-in
/// and no antiforgery token: the link's token is the only credential, and whoever holds it may only end that one
/// subscription. Ordered before the page at the same address, which Blazor would otherwise answer a post to.
/// </summary>
public static class UnsubscribeEndpoint
{
    public const string OneClickField = "List-Unsubscribe";
    public const string OneClickValue = "One-Click";

    public static IEndpointRouteBuilder MapUnsubscribe(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(SubscriptionPaths.Unsubscribe, EndAsync).AllowAnonymous().DisableAntiforgery().WithOrder(-1).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> EndAsync(HttpContext context, PlaceSubscriptions subscriptions)
    {
        var token = context.Request.Query["token"].ToString();
        if (await PostedForm.ReadAsync(context) is not { } form) return Results.BadRequest("The form could not be read.");
        if (form[OneClickField].ToString() == OneClickValue)
        {
            // The same answer whether or not the token led anywhere: a mail client only needs to know it was heard.
            await subscriptions.EndAsync(token, "one_click", context.RequestAborted);
            return Results.Text("You will get no more emails from this subscription.", "text/plain; charset=utf-8");
        }
        if (await subscriptions.EndAsync(token, "page", context.RequestAborted) is { } ended)
            return Results.Redirect($"{SubscriptionPaths.Ended}?place={Uri.EscapeDataString(ended.PlaceCode)}");
        // Back to the link's page, which says the link does not work; a token not of our making is not echoed.
        return Results.Redirect(SubscriptionTokens.IsWellFormed(token) ? SubscriptionPaths.UnsubscribeWith(token) : SubscriptionPaths.Unsubscribe);
    }
}
