using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Csv;
using Scrutiny.Silo.Tables;

namespace Scrutiny.Silo.Committees;

/// <summary>
/// The register as CSV, one row per recommendation, with the state and overdue flag derived as the register shows
/// them, the response, the newest implementation update and the closure. Evidence links are joined with
/// <see cref="LinkSeparator"/> as <c>kind:reference</c>.
/// </summary>
public static class RecommendationCsv
{
    public const string LinkSeparator = "; ";

    public static readonly string[] Columns =
    [
        "committee", "id", "made_on", "addressee_kind", "addressee", "recommendation", "evidence", "response_due", "state", "overdue",
        "decision", "reasons", "implement_by", "responded_on", "implementation_status", "latest_update", "closed_on", "closure_note",
    ];

    public static TableAbout About(string committee, TableView view) => new("Recommendations", $"Recommendations of {committee}",
        "The committee's recommendations register, one row per recommendation, newest first, filtered as asked: each with its addressee, " +
        $"the response and its decision, the newest implementation update and the closure. Evidence links are joined with \"{LinkSeparator.Trim()}\" as kind:reference.",
        view)
    { Facts = [("committee", committee)] };

    public static void Write(IRowWriter csv, IEnumerable<RegisterEntry> entries)
    {
        csv.Header(Columns);
        foreach (var e in entries)
        {
            var r = e.Recommendation;
            var latest = r.Updates.Count > 0 ? r.Updates[^1] : null;
            csv.Text(r.CommitteeId).Text(r.Id).Text(DayText.Of(r.MadeOn)).Text(CatalogueNames.Name(r.Addressee.Kind)).Text(r.Addressee.Code).Text(r.Text)
                .Text(string.Join(LinkSeparator, r.Evidence.Select(l => $"{CatalogueNames.Name(l.Kind)}:{l.Reference}")))
                .Text(DayText.Of(r.ResponseDue)).Text(CatalogueNames.Name(e.State)).Text(e.Overdue ? "true" : "false")
                .Text(CatalogueNames.NameOrNull(r.Response?.Decision)).Text(r.Response?.Reasons).Text(DayText.Of(r.Response?.ImplementBy))
                .Text(r.Response is { } x ? DayText.Of(DateOnly.FromDateTime(x.At.UtcDateTime)) : null)
                .Text(CatalogueNames.NameOrNull(latest?.Status)).Text(latest?.Text)
                .Text(r.Closure is { } c ? DayText.Of(DateOnly.FromDateTime(c.At.UtcDateTime)) : null).Text(r.Closure?.Note);
            csv.EndRow();
        }
    }
}
