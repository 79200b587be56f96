using Microsoft.AspNetCore.Diagnostics;
using Scrutiny.Dashboard.Forms;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Committees;

namespace Scrutiny.Dashboard.Committees;

/// <summary>
/// Refuses a post to a committee page's form from anyone <see cref="CommitteeAccess"/> refuses, with 403, before the
/// page runs, as <see cref="Boards.BoardFormPosts"/> does for boards: the page shows such a person no form, and Blazor
/// would answer a post to a form the page does not show with 400, which says "your request is wrong" rather than "you
/// may not". The services refuse them too (CommitteeResult.Forbidden); this is what makes the answer a 403.
/// </summary>
public static class CommitteeFormPosts
{
    /// <summary>Blazor's hidden field naming the form posted.</summary>
    private const string FormNameField = "_handler";

    public static IApplicationBuilder UseCommitteeFormPosts(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsPost(context.Request.Method)
                || context.GetEndpoint()?.Metadata.GetMetadata<CommitteeFormAttribute>() is not { } form
                || context.GetRouteValue("Id") is not string id)
            {
                await next(context);
                return;
            }
            // Read here, before Blazor's own checks could say so with a 400 (PostedForm).
            if (await PostedForm.ReadAsync(context) is not { } body)
            {
                await AnswerAsync(context, StatusCodes.Status400BadRequest, "The form could not be read.");
                return;
            }
            var refusal = await RefusalAsync(context, body, form, id);
            if (refusal is not null)
            {
                await AnswerAsync(context, StatusCodes.Status403Forbidden, refusal);
                return;
            }
            await next(context);
        });

    private static async Task AnswerAsync(HttpContext context, int status, string text)
    {
        // Said here, not by the status code page: re-executed, it would be posted to as well, and answer 400.
        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        context.Response.StatusCode = status;
        await context.Response.WriteAsync(text, context.RequestAborted);
    }

    /// <summary>Why the post is refused, or null when it may go on (a form the page does not have is the page's to answer).</summary>
    private static async Task<string?> RefusalAsync(HttpContext context, IFormCollection body, CommitteeFormAttribute form, string id)
    {
        var user = context.User;
        var name = body[FormNameField].ToString() is { Length: > 0 } posted ? posted : null;
        if (form.Work is null || (name is not null && form.Work.Contains(name)))
            return CommitteeAccess.MayWork(user, id) ? null : "Only the committee's members and administrators may do this.";
        if (name is null || !form.Addressee.Contains(name)) return null;
        var addressee = await AddresseeAsync(context, id);
        if (addressee is null) return null;
        var catalogue = context.RequestServices.GetRequiredService<ICatalogue>();
        var board = addressee.Kind == AddresseeKind.Board ? await catalogue.FindBoardAsync(addressee.Code, context.RequestAborted) : null;
        return CommitteeAccess.MayAnswer(user, addressee, board)
            ? null
            : $"Only {(board?.Name ?? addressee.Code)}, to whom it is addressed, may answer it.";
    }

    /// <summary>The addressee of the page's recommendation or question; null when there is none (the page answers 404).</summary>
    private static async Task<Addressee?> AddresseeAsync(HttpContext context, string id)
    {
        var services = context.RequestServices;
        if (context.GetRouteValue("RecommendationId") is string recommendation)
            return (await services.GetRequiredService<RecommendationRegister>().FindAsync(id, recommendation, context.RequestAborted))?.Recommendation.Addressee;
        if (context.GetRouteValue("QuestionId") is string question)
            return (await services.GetRequiredService<CommitteeQuestions>().FindAsync(id, question, context.RequestAborted))?.Question.Addressee;
        return null;
    }
}
