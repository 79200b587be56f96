using Microsoft.AspNetCore.Components;
using Scrutiny.Dashboard.Components;
using Scrutiny.Silo.Api;
using Scrutiny.Silo.Committees;

namespace Scrutiny.Dashboard.Committees;

/// <summary>
/// What every page that is one of a committee's forms (a meeting, a topic, a question) does the same way: finds the
/// committee (404), lets in only its members and administrators (<see cref="CommitteeAccess.MayWork"/>; 403 with a page
/// saying why — <see cref="CommitteeFormPosts"/> refuses their posts), writes through the committee's services, names
/// each problem by its field, and after a change sends the person on with a 303, so that reloading never posts again.
/// </summary>
public abstract class CommitteeFormPage : FormPage
{
    [Parameter] public string Id { get; set; } = "";

    [Inject] protected CommitteeStore Committees { get; set; } = null!;

    protected Committee? Committee { get; private set; }

    /// <summary>The signed-in person does not work for this committee: the page says so and answers 403.</summary>
    protected bool Refused { get; private set; }

    /// <summary>The committee, the person and what the form is about are all there: show the form, take its post.</summary>
    protected bool Ready { get; private set; }

    protected CancellationToken Aborted => HttpContext.RequestAborted;

    protected override async Task OnInitializedAsync()
    {
        Committee = await Committees.FindAsync(Id, Aborted);
        if (Committee is null)
        {
            Navigation.NotFound();
            return;
        }
        if (!CommitteeAccess.MayWork(HttpContext.User, Id))
        {
            Refused = true;
            HttpContext.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        if (!await LoadAsync(Committee))
        {
            Navigation.NotFound();
            return;
        }
        Ready = true;
    }

    /// <summary>Reads what the form is about (a topic); false when it does not exist.</summary>
    protected virtual Task<bool> LoadAsync(Committee committee) => Task.FromResult(true);

    /// <summary>
    /// What a service did: on to <paramref name="next"/> with 303 See Other when done; the problems by field when the
    /// rules found some; anything else (not found, refused, already done) as a problem on <paramref name="field"/>.
    /// </summary>
    protected void Done<T>(CommitteeResult<T> result, Func<T, string> next, string field)
    {
        switch (result.Outcome)
        {
            case CommitteeOutcome.Done:
                SeeOther(next(result.Value!));
                break;
            case CommitteeOutcome.NotFound:
                Navigation.NotFound();
                break;
            case CommitteeOutcome.Invalid:
                Problems = result.Problems;
                break;
            default:
                Problems = [new FieldProblem(field, "refused", result.Detail ?? "Not done.")];
                break;
        }
    }

    /// <summary>The first problem with the field or under it (<c>addressee</c> for <c>addressee.code</c>), in words.</summary>
    protected string? ErrorFor(string prefix) =>
        Problems.FirstOrDefault(p => p.Field == prefix || p.Field.StartsWith(prefix + "[", StringComparison.Ordinal)
                                     || p.Field.StartsWith(prefix + ".", StringComparison.Ordinal)) is { } p ? Message(p) : null;
}
