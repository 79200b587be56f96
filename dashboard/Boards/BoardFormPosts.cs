using Microsoft.AspNetCore.Diagnostics;
using Scrutiny.Grains.Catalogue;

namespace Scrutiny.Dashboard.Boards;

/// <summary>
/// Refuses a post to a board's form from a signed-in person the board does not let in, with 403, before the page
/// runs. The page refuses them too when they open it, and then shows them no form; Blazor would answer a post to a
/// form the page does not show with 400, which says "your request is wrong" rather than "you may not".
/// </summary>
public static class BoardFormPosts
{
    public static IApplicationBuilder UseBoardFormPosts(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method)
                && context.GetEndpoint()?.Metadata.GetMetadata<BoardFormAttribute>() is { } form
                && context.User.Identity?.IsAuthenticated == true
                && context.GetRouteValue("Id") is string id
                && await context.RequestServices.GetRequiredService<ICatalogue>().FindBoardAsync(id, context.RequestAborted) is { } board
                && !form.May(context.User, board))
            {
                // Said here, not by the status code page: re-executed, it would be posted to as well, and answer 400.
                if (context.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsync(form.DetailsOnly
                    ? $"Only an administrator or a member of {board.Name} may set its chair and meeting dates."
                    : $"Only an administrator, an agency on {board.Name} or one of its members may change its records.", context.RequestAborted);
                return;
            }
            await next(context);
        });
}
