using Microsoft.AspNetCore.Components;
using Scrutiny.Dashboard.Boards;
using Scrutiny.Silo.Api;

namespace Scrutiny.Dashboard.Components;

/// <summary>
/// What every GOV.UK form page here does the same way, whatever it writes: reads its posted fields, words each
/// problem for a person and lists them in the form's order for the error summary, and after a change sends the person
/// on with a 303, so that reloading never posts again. A board's forms and a committee's build on it.
/// </summary>
public abstract class FormPage : ComponentBase
{
    [CascadingParameter] public HttpContext HttpContext { get; set; } = null!;

    [Inject] protected NavigationManager Navigation { get; set; } = null!;

    protected IReadOnlyList<FieldProblem> Problems { get; set; } = [];

    /// <summary>Opened, not posted: the form shows what is stored.</summary>
    protected bool Opened => HttpMethods.IsGet(HttpContext.Request.Method);

    protected string TitlePrefix => Problems.Count > 0 ? "Error: " : "";

    /// <summary>
    /// After a change, on to <paramref name="path"/> with 303 See Other: the answer to a post that says "now get this",
    /// which Blazor's redirect (302) only implies.
    /// </summary>
    protected void SeeOther(string path)
    {
        var response = HttpContext.Response;
        response.OnStarting(() =>
        {
            if (response.StatusCode == StatusCodes.Status302Found) response.StatusCode = StatusCodes.Status303SeeOther;
            return Task.CompletedTask;
        });
        Navigation.NavigateTo(path);
    }

    /// <summary>Every value of a field posted many times (ticked boxes), trimmed, in the order posted.</summary>
    protected List<string> PostedAll(string name) =>
        HttpContext.Request.HasFormContentType ? [.. HttpContext.Request.Form[name].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim())] : [];

    /// <summary>A posted field, trimmed; null when empty.</summary>
    protected string? Posted(string name) =>
        HttpContext.Request.HasFormContentType && HttpContext.Request.Form[name].ToString() is { Length: > 0 } value && value.Trim().Length > 0
            ? value.Trim()
            : null;

    /// <summary>
    /// True when the post filled the form's <see cref="Honeypot"/>: a program, to be answered as a person would be, with
    /// nothing stored.
    /// </summary>
    protected bool FilledHoneypot => Posted(Honeypot.FieldName) is not null;

    /// <summary>
    /// A client past its budget (<see cref="Silo.Security.ClientBudget"/>): 429 with Retry-After, and the form again
    /// with what was typed and a problem on <paramref name="field"/>: <paramref name="spent"/>, then how long to wait.
    /// </summary>
    protected void RefuseTooMany(TimeSpan wait, string field, string spent)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Problems = [new FieldProblem(field, "too_many", $"{spent}. Try again in {minutes} minute{(minutes == 1 ? "" : "s")}")];
    }

    /// <summary>Each field's noun ("the title") and whether one chooses it rather than types it, for the problems' words.</summary>
    protected abstract (string Noun, bool Choose) Describe(string field);

    /// <summary>A problem in a person's words (the rules' own words name JSON fields).</summary>
    protected virtual string Message(FieldProblem problem)
    {
        var (noun, choose) = Describe(problem.Field);
        return BoardFormFields.Message(problem, noun, choose);
    }

    /// <summary>The input a problem's summary link lands on; a form with grouped inputs may say otherwise.</summary>
    protected virtual string InputFor(string field) => BoardFormFields.Id(field);

    /// <summary>The fields (or their prefixes: <c>baseline</c> for <c>baseline.value</c>) in the order the form shows them.</summary>
    protected abstract IReadOnlyList<string> FieldOrder { get; }

    /// <summary>The problems in the order of the form's fields, as GOV.UK's error summary lists them.</summary>
    protected IReadOnlyList<(string Text, string Href)> Summary =>
        [.. Problems.OrderBy(p => Position(p.Field)).Select(p => (Message(p), $"#{InputFor(p.Field)}"))];

    private int Position(string field)
    {
        for (var i = 0; i < FieldOrder.Count; i++)
        {
            var name = FieldOrder[i];
            if (field == name || field.StartsWith(name + "[", StringComparison.Ordinal) || field.StartsWith(name + ".", StringComparison.Ordinal)) return i;
        }
        return FieldOrder.Count;
    }
}
