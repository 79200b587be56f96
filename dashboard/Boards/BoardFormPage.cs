using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Scrutiny.Dashboard.Agencies;
using Scrutiny.Dashboard.Components;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Grains.Storage;
using Scrutiny.Silo.Api;
using Scrutiny.Silo.Boards;
using Scrutiny.Silo.Publication;

namespace Scrutiny.Dashboard.Boards;

/// <summary>
/// What every form on a board's records does the same way: finds the board (404), lets in only those
/// <see cref="BoardAccess"/> lets in (403, with a page saying why, for anyone else signed in: the page's policy has
/// already sent the signed-out to sign in), writes through <see cref="BoardEditor"/> as the API does, names each
/// problem by its field, and after a change sends the person on with a 303, so that reloading never posts again.
/// </summary>
public abstract class BoardFormPage : FormPage
{
    [Parameter] public string Id { get; set; } = "";

    [Inject] protected ICatalogue Catalogue { get; set; } = null!;
    [Inject] protected IGrainFactory Grains { get; set; } = null!;
    [Inject] protected BoardEditor Editor { get; set; } = null!;
    [Inject] protected BoardBodyRules Rules { get; set; } = null!;
    [Inject] protected DataViews DataViews { get; set; } = null!;

    protected PartnershipBoard? Board { get; private set; }

    /// <summary>The signed-in person may not work on this board: the page says so and answers 403.</summary>
    protected bool Refused { get; private set; }

    /// <summary>The board, the person and what the form is about are all there: show the form, take its post.</summary>
    protected bool Ready { get; private set; }

    /// <summary>Who the audit records: the person, as the grain's actor.</summary>
    protected string Actor => HttpContext.User.SubmittedBy();

    /// <summary>Who may use this form, as its <see cref="BoardFormAttribute"/> says (which <see cref="BoardFormPosts"/> reads too).</summary>
    private bool May(ClaimsPrincipal user, PartnershipBoard board) =>
        (GetType().GetCustomAttributes(typeof(BoardFormAttribute), inherit: true).SingleOrDefault() as BoardFormAttribute
         ?? throw new InvalidOperationException($"{GetType().Name} does not say who may use it ([BoardForm]).")).May(user, board);

    protected override async Task OnInitializedAsync()
    {
        Board = await Catalogue.FindBoardAsync(Id, HttpContext.RequestAborted);
        if (Board is null)
        {
            Navigation.NotFound();
            return;
        }
        if (!May(HttpContext.User, Board))
        {
            Refused = true;
            HttpContext.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        if (!await LoadAsync(Board))
        {
            Navigation.NotFound();
            return;
        }
        Ready = true;
    }

    /// <summary>Reads what the form is about (a commitment, a milestone); false when it does not exist.</summary>
    protected abstract Task<bool> LoadAsync(PartnershipBoard board);

    /// <summary>The board's records as the person may see them (their view of the place's values).</summary>
    protected async Task<BoardView> RecordsAsync(PartnershipBoard board) =>
        (await Grains.Grain<IPartnershipBoardGrain>(board.Id).GetBoardAsync(await DataViews.ForAsync(HttpContext.User, board.PlaceCode, HttpContext.RequestAborted)))!;

    /// <summary>The form's numbered rows' posted values (<c>partners-0-agency</c>, <c>partners-1-agency</c>…), capped so a forged post cannot loop long.</summary>
    protected List<string?> PostedRows(string prefix, string suffix = "", int max = 50)
    {
        var rows = new List<string?>();
        for (var i = 0; i < max && HttpContext.Request.Form.ContainsKey($"{prefix}-{i}{suffix}"); i++) rows.Add(Posted($"{prefix}-{i}{suffix}"));
        return rows;
    }

    protected string? ErrorFor(string field) => Problems.FirstOrDefault(p => p.Field == field) is { } p ? Message(p) : null;

    protected string? ErrorForAny(string prefix) =>
        Problems.FirstOrDefault(p => p.Field == prefix || p.Field.StartsWith(prefix + "[", StringComparison.Ordinal)) is { } p ? Message(p) : null;
}
