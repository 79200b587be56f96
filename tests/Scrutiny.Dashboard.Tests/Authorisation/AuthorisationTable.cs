namespace Scrutiny.Dashboard.Tests.Authorisation;

/// <summary>
/// Every endpoint of the dashboard app, by HTTP method and route pattern, and who may call it. A new endpoint fails
/// <see cref="AuthorisationMatrixTests"/> until it has a row here: deciding who may call it is part of adding it.
/// </summary>
public static class AuthorisationTable
{
    public static readonly IReadOnlyDictionary<string, Access> Rules = Build(
    [
        // Public pages: published data, and the way in.
        .. Page("/", Access.Public),
        .. Page("/places/{Code}", Access.Public),
        .. Page("/places/{Code}/indicators/{IndicatorCode}", Access.Public),
        .. Page("/compare", Access.Public),
        .. Page("/compare/heat-map", Access.Public),
        .. Page("/panels", Access.Public),
        .. Page("/panels/{Id}", Access.Public),
        // Committees' pages are public; their forms (make, respond, update, close, answer) post to the page, and a post
        // to one of them from anyone CommitteeAccess refuses is answered 403 before the page runs (CommitteeFormPosts).
        // The table's posts carry no form, so they reach the page (400).
        .. Page("/committees", Access.Public),
        .. Page("/committees/{Id}", Access.Public),
        .. Page("/committees/{Id}/recommendations/{RecommendationId}", Access.Public),
        .. Page("/committees/{Id}/questions/{QuestionId}", Access.Public),
        // A resident's question or suggestion: anyone, no account (antiforgery, a honeypot and an hourly budget per
        // address instead); the confirmation echoes the reference; the reference page shows where it stands, never the email.
        .. Page("/committees/{Id}/ask", Access.Public),
        .. Page("/committees/{Id}/ask/received/{Reference}", Access.Public),
        .. Page("/committees/{Id}/asked/{Reference}", Access.Public),
        // A resident's emails about a place: anyone, no account (antiforgery, a honeypot and an hourly budget per address
        // to ask; the link's token, stored hashed, is the credential to confirm and to stop). The pages after say the
        // same whatever the address. The one-click post is a mail client's, with no cookie or form token (RFC 8058).
        .. Page("/places/{Code}/subscribe", Access.Public),
        .. Page("/places/{Code}/subscribe/sent", Access.Public),
        .. Page("/places/{Code}/subscribe/confirmed", Access.Public),
        .. Page("/subscriptions/confirm", Access.Public),
        .. Page("/subscriptions/unsubscribe", Access.Public),
        .. Page("/subscriptions/ended", Access.Public),
        // The register as CSV, filtered as the page: public as the page is.
        ("GET /committees/{id}/recommendations.csv", Access.Public),
        ("GET /committees/{id}/recommendations.xlsx", Access.Public),
        .. Page("/places/{Code}/recommendations", Access.Public),
        // The committee paper is read in the reader's view: published figures for the public, who may print it too.
        .. Page("/committees/{Id}/paper", Access.Public),
        .. Page("/sign-in", Access.Public),
        // Boards: residents see what their services promised, with statuses from published values (the reader's
        // view for those entitled to more).
        .. Page("/boards", Access.Public),
        .. Page("/boards/{Id}", Access.Public),
        .. Page("/boards/{Id}/commitments/{Commitment}", Access.Public),
        .. Page("/boards/{Id}/turn-the-curve/{IndicatorCode}", Access.Public),
        .. Page("/boards/{Id}/cohorts/{Cohort}", Access.Public),
        // The page that says "you cannot open this page" answers 403 to everyone, by design; its form posts (sign-out) are anyone's.
        ("GET /access-denied", Access.ForbiddenPage),
        ("POST /access-denied", Access.Public),
        // Blazor's own: turns a redirect during enhanced navigation into a full page load.
        ("GET /_framework/opaque-redirect", Access.Public),
        .. Page("/not-found", Access.Public),
        .. Page("/problem/{Status:int}", Access.Public),
        ("POST /sign-out", Access.Public),
        // Browsers send CSP violation reports without credentials; small bodies, the global rate limit, nothing echoed.
        ("POST /csp-reports", Access.Public),

        // Public downloads and the live view's fragments.
        ("GET /places.csv", Access.Public),
        ("GET /places.xlsx", Access.Public),
        ("GET /places/{code}/scorecard.csv", Access.Public),
        ("GET /places/{code}/scorecard.xlsx", Access.Public),
        ("GET /places/{place}/indicators/{indicator}/forecast.csv", Access.Public),
        ("GET /places/{place}/indicators/{indicator}/forecast.xlsx", Access.Public),
        ("GET /places/{place}/indicators/{indicator}/series.csv", Access.Public),
        ("GET /places/{place}/indicators/{indicator}/series.xlsx", Access.Public),
        ("GET /places/{place}/indicators/{indicator}/revisions.csv", Access.Public),
        ("GET /places/{place}/indicators/{indicator}/revisions.xlsx", Access.Public),
        ("GET /places/{place}/indicators/{indicator}/benchmarks.csv", Access.Public),
        ("GET /places/{place}/indicators/{indicator}/benchmarks.xlsx", Access.Public),
        ("GET /compare.csv", Access.Public),
        ("GET /compare.xlsx", Access.Public),
        ("GET /compare/heat-map.csv", Access.Public),
        ("GET /compare/heat-map.xlsx", Access.Public),
        ("GET /panels/{id}.csv", Access.Public),
        ("GET /panels/{id}.xlsx", Access.Public),
        ("GET /live/places/{code}", Access.Public),
        // Atom feeds of the public pages and the open-data catalogue: the public's view whoever asks.
        ("GET /places/{code}/feed.atom", Access.Public),
        ("GET /committees/{id}/feed.atom", Access.Public),
        ("GET /boards/{id}/feed.atom", Access.Public),
        // iCalendar feeds of the committee and board pages, public as the pages are; an agency's returns due, for its
        // own people and administrators (the page answers 403 to anyone else signed in), as "our returns" is.
        ("GET /committees/{id}/calendar.ics", Access.Public),
        ("GET /boards/{id}/calendar.ics", Access.Public),
        ("GET /agencies/{code}/calendar.ics", Access.OwnAgencyOrAdminPages),
        ("GET /data.json", Access.Public),

        // Pages for someone signed in.
        // Opened, the page answers 403 to anyone not a partner of the place or an administrator. A post passes the
        // policy for anyone signed in, and the page then changes nothing for them (IndicatorSettingsPage's ChangeAsync).
        ("GET /places/{Code}/indicators/{IndicatorCode}/settings", Access.PlacePartnerOrAdminPages),
        ("POST /places/{Code}/indicators/{IndicatorCode}/settings", Access.SignedInPages),
        // A board's meeting view and pack: signed in, and then the page answers 403 to anyone who does not answer for
        // the board (BoardAccess.MayWork: its members, the agencies on it, administrators). They have no forms to post
        // (the meeting view's date is a GET), so a post passes the policy for anyone signed in and is refused (400).
        ("GET /boards/{Id}/meeting", Access.BoardWorkerPages),
        ("POST /boards/{Id}/meeting", Access.SignedInPages),
        ("GET /boards/{Id}/pack", Access.BoardWorkerPages),
        ("POST /boards/{Id}/pack", Access.SignedInPages),
        .. Page("/panels/new", Access.SignedInPages),
        .. Page("/panels/{Id}/edit", Access.SignedInPages),
        // A board's forms: BoardAccess decides, for a post as for opening the page (BoardFormPosts).
        .. Page("/boards/{Id}/details", Access.BoardMemberOrAdminPages),
        .. Page("/boards/{Id}/commitments/new", Access.BoardWorkerPages),
        .. Page("/boards/{Id}/commitments/{Commitment}/edit", Access.BoardWorkerPages),
        .. Page("/boards/{Id}/commitments/{Commitment}/milestones/new", Access.BoardWorkerPages),
        .. Page("/boards/{Id}/commitments/{Commitment}/milestones/{Milestone}", Access.BoardWorkerPages),
        .. Page("/boards/{Id}/commitments/{Commitment}/updates/new", Access.BoardWorkerPages),
        .. Page("/boards/{Id}/commitments/{Commitment}/status", Access.BoardWorkerPages),
        .. Page("/boards/{Id}/fund/new", Access.BoardWorkerPages),
        .. Page("/boards/{Id}/commitments/{Commitment}/case", Access.BoardWorkerPages),
        .. Page("/boards/{Id}/cohorts/new", Access.BoardWorkerPages),
        .. Page("/boards/{Id}/cohorts/{Cohort}/edit", Access.BoardWorkerPages),
        .. Page("/boards/{Id}/cohorts/{Cohort}/case", Access.BoardWorkerPages),
        .. Page("/boards/{Id}/turn-the-curve/{Indicator}/edit", Access.BoardWorkerPages),
        // A committee's own forms: its members and administrators (CommitteeAccess.MayWork), opened or posted.
        .. Page("/committees/{Id}/meetings/new", Access.CommitteeWorkerPages),
        .. Page("/committees/{Id}/meetings/{MeetingId}/move", Access.CommitteeWorkerPages),
        .. Page("/committees/{Id}/topics/new", Access.CommitteeWorkerPages),
        .. Page("/committees/{Id}/topics/{Topic}", Access.CommitteeWorkerPages),
        .. Page("/committees/{Id}/questions/new", Access.CommitteeWorkerPages),
        // The queue of residents' submissions, with their email addresses, and the page deciding one.
        .. Page("/committees/{Id}/submissions", Access.CommitteeWorkerPages),
        .. Page("/committees/{Id}/submissions/{SubmissionId}", Access.CommitteeWorkerPages),
        // Anyone's own inbox: what is due for the bodies they speak for and their committees; marking read their own only.
        .. Page("/inbox", Access.SignedInPages),
        // A person's own password (a session bought with an API key is told it has none).
        .. Page("/account/password", Access.SignedInPages),
        // A person's own choice of emails (a session bought with an API key is told it has no address).
        .. Page("/account/email", Access.SignedInPages),

        // Agency pages.
        .. Page("/agency", Access.AgencyPages),
        .. Page("/agency/returns", Access.AgencyPages),
        .. Page("/agency/returns/upload", Access.AgencyPages),
        .. Page("/agency/returns/new", Access.AgencyPages),
        ("GET /agency/returns/template", Access.AgencyPages),
        ("GET /agency/returns/template.xlsx", Access.AgencyPages),

        // Administration pages.
        .. Page("/admin", Access.AdminPages),
        .. Page("/admin/agencies", Access.AdminPages),
        .. Page("/admin/agencies/{Code}", Access.AdminPages),
        .. Page("/admin/agencies/{Code}/reopenings", Access.AdminPages),
        .. Page("/admin/releases", Access.AdminPages),
        .. Page("/admin/comparator-groups", Access.AdminPages),
        .. Page("/admin/comparator-groups/new", Access.AdminPages),
        .. Page("/admin/comparator-groups/{Id}", Access.AdminPages),
        .. Page("/admin/unit-costs", Access.AdminPages),
        .. Page("/admin/unit-costs/new", Access.AdminPages),
        .. Page("/admin/unit-costs/{Code}", Access.AdminPages),
        .. Page("/admin/appraisal-settings", Access.AdminPages),
        .. Page("/admin/agencies/{Code}/keys", Access.AdminPages),
        .. Page("/admin/agencies/{Code}/keys/{Id}/revoke", Access.AdminPages),
        .. Page("/admin/audit", Access.AdminPages),
        ("GET /admin/audit.csv", Access.AdminPages),
        ("GET /admin/audit.xlsx", Access.AdminPages),
        .. Page("/admin/people", Access.AdminPages),
        .. Page("/admin/people/new", Access.AdminPages),
        .. Page("/admin/people/{Id:long}", Access.AdminPages),
        // Orleans' dashboard and its data (grains, activations, silos, grain state): administrators only. Its live log
        // stream is switched off, so that endpoint refuses everyone.
        .. Orleans("/", "/ClusterStats", "/DashboardCounters", "/GrainState", "/GrainStats/{*grainName}", "/GrainTypes",
            "/HistoricalStats/{*path}", "/LifecycleStages", "/Reminders", "/Reminders/{page:int}", "/SiloCounters/{*address}",
            "/SiloMetadata/{*address}", "/SiloProperties/{*address}", "/SiloStats/{*address}", "/TopGrainMethods", "/favicon.ico",
            "/fonts/{**path}", "/img/{**path}", "/index.css", "/index.html", "/index.min.js", "/version"),
        ("GET /admin/orleans/Trace", Access.ForbiddenPage),

        // The API: published data is anyone's to read, with no key (the public's view) or with one (its role's view);
        // writing is for the agency or an administrator. OpenDataTests reads every Public API row anonymously.
        ("GET /api/v1/places", Access.Public),
        ("GET /api/v1/places/{place}/indicators", Access.Public),
        ("GET /api/v1/places/{place}/indicators/{indicator}/series", Access.Public),
        ("GET /api/v1/places/{place}/indicators/{indicator}/revisions", Access.Public),
        ("GET /api/v1/places/{place}/indicators/{indicator}/benchmarks", Access.Public),
        ("GET /api/v1/places/{place}/indicators/{indicator}/settings", Access.Public),
        ("PUT /api/v1/places/{code}", Access.AdminKey),
        ("PUT /api/v1/places/{place}/indicators/{indicator}/target", Access.PlacePartnerKeyOrAdmin),
        ("POST /api/v1/places/{place}/indicators/{indicator}/rebases", Access.PlacePartnerKeyOrAdmin),
        ("DELETE /api/v1/places/{place}/indicators/{indicator}/rebases/{period}", Access.PlacePartnerKeyOrAdmin),
        ("GET /api/v1/indicators", Access.Public),
        ("GET /api/v1/indicators/{code}", Access.Public),
        ("GET /api/v1/indicators/{code}/releases", Access.Public),
        ("POST /api/v1/indicators/{code}/releases", Access.AdminKey),
        ("POST /api/v1/indicators", Access.AdminKey),
        ("PUT /api/v1/indicators/{code}", Access.AdminKey),
        ("POST /api/v1/indicators/import", Access.AdminKey),
        ("GET /api/v1/agencies", Access.AdminKey),
        ("GET /api/v1/agencies/{code}", Access.AdminKey),
        ("PUT /api/v1/agencies/{code}", Access.AdminKey),
        ("GET /api/v1/agencies/{code}/returns", Access.OwnAgencyKeyOrAdmin),
        ("GET /api/v1/agencies/{code}/reopenings", Access.AdminKey),
        ("POST /api/v1/agencies/{code}/reopenings", Access.AdminKey),
        // Keys and the audit log: administrators only, so that no agency sees another's keys (nor its own secrets again).
        ("GET /api/v1/api-keys", Access.AdminKey),
        ("GET /api/v1/agencies/{code}/keys", Access.AdminKey),
        ("POST /api/v1/agencies/{code}/keys", Access.AdminKey),
        ("POST /api/v1/api-keys/{id}/revoke", Access.AdminKey),
        ("GET /api/v1/audit", Access.AdminKey),
        ("GET /api/v1/comparator-groups", Access.Public),
        ("PUT /api/v1/comparator-groups/{id}", Access.AdminKey),
        // Operational, not published data: which agency's return is late or missing, for agencies and administrators.
        ("GET /api/v1/completeness", Access.AnyKey),
        ("POST /api/v1/returns", Access.AgencyKey),
        // Boards: summaries are public; the records are for the board's agencies and administrators; the chair and
        // meeting dates for administrators (and board members, who have no key).
        ("GET /api/v1/boards", Access.Public),
        ("GET /api/v1/boards/{id}", Access.Public),
        // A board's records are read as its public pages are (published values for anyone not entitled).
        ("GET /api/v1/boards/{id}/commitments", Access.Public),
        ("POST /api/v1/boards/{id}/commitments", Access.BoardAgencyKeyOrAdmin),
        ("PUT /api/v1/boards/{id}/commitments/{commitment}", Access.BoardAgencyKeyOrAdmin),
        ("POST /api/v1/boards/{id}/commitments/{commitment}/milestones", Access.BoardAgencyKeyOrAdmin),
        ("PUT /api/v1/boards/{id}/commitments/{commitment}/milestones/{milestone}", Access.BoardAgencyKeyOrAdmin),
        ("POST /api/v1/boards/{id}/commitments/{commitment}/updates", Access.BoardAgencyKeyOrAdmin),
        ("PUT /api/v1/boards/{id}/commitments/{commitment}/override", Access.BoardAgencyKeyOrAdmin),
        ("POST /api/v1/boards/{id}/fund", Access.BoardAgencyKeyOrAdmin),
        // A board's cohorts are public as its commitments are; its board defines them.
        ("GET /api/v1/boards/{id}/cohorts", Access.Public),
        ("POST /api/v1/boards/{id}/cohorts", Access.BoardAgencyKeyOrAdmin),
        ("PUT /api/v1/boards/{id}/cohorts/{cohort}", Access.BoardAgencyKeyOrAdmin),
        // A commitment's or cohort's case is read as the board's figures are (from the values the reader may see); its board states it.
        ("GET /api/v1/boards/{id}/cases", Access.Public),
        ("GET /api/v1/boards/{id}/cases/{subject}", Access.Public),
        ("PUT /api/v1/boards/{id}/cases/{subject}", Access.BoardAgencyKeyOrAdmin),
        ("DELETE /api/v1/boards/{id}/cases/{subject}", Access.BoardAgencyKeyOrAdmin),
        // The unit costs and settings every case rests on: anyone reads them, an administrator keeps them.
        ("GET /api/v1/unit-costs", Access.Public),
        ("POST /api/v1/unit-costs", Access.AdminKey),
        ("PUT /api/v1/unit-costs/{code}", Access.AdminKey),
        ("GET /api/v1/appraisal-settings", Access.Public),
        ("PUT /api/v1/appraisal-settings", Access.AdminKey),
        ("GET /api/v1/boards/{id}/turn-the-curve/{indicator}", Access.Public),
        ("PUT /api/v1/boards/{id}/turn-the-curve/{indicator}", Access.BoardAgencyKeyOrAdmin),
        ("GET /api/v1/boards/{id}/meeting", Access.BoardAgencyKeyOrAdmin),
        ("PUT /api/v1/boards/{id}/details", Access.AdminKey),
        // A board's meetings with their ids are public, as its meeting dates are; moving one is for whoever sets them.
        ("GET /api/v1/boards/{id}/meetings", Access.Public),
        ("PUT /api/v1/boards/{id}/meetings/{meeting}", Access.AdminKey),
        ("PUT /api/v1/boards/{id}", Access.AdminKey),
        // Committees: anyone reads them, with no key or a key (scrutiny is public); administrators make and change them; the committee's own
        // business is its members' (people, through the pages) and administrators'; responses and answers are the
        // addressee's alone, which the silo's RecommendationRegisterTests and CommitteeInboxTests check.
        ("GET /api/v1/committees", Access.Public),
        ("POST /api/v1/committees", Access.AdminKey),
        ("GET /api/v1/committees/{id}", Access.Public),
        ("PUT /api/v1/committees/{id}", Access.AdminKey),
        ("PUT /api/v1/committees/{id}/meetings", Access.AdminKey),
        ("GET /api/v1/committees/{id}/meetings", Access.Public),
        ("PUT /api/v1/committees/{id}/meetings/{meeting}", Access.AdminKey),
        ("GET /api/v1/committees/{id}/work-programme", Access.Public),
        ("POST /api/v1/committees/{id}/work-programme", Access.AdminKey),
        ("PUT /api/v1/committees/{id}/work-programme/{topic}", Access.AdminKey),
        ("GET /api/v1/committees/{id}/recommendations", Access.Public),
        ("POST /api/v1/committees/{id}/recommendations", Access.AdminKey),
        ("GET /api/v1/committees/{id}/recommendations/{recommendation}", Access.Public),
        ("PUT /api/v1/committees/{id}/recommendations/{recommendation}/response", Access.AddresseeKey),
        ("POST /api/v1/committees/{id}/recommendations/{recommendation}/updates", Access.AddresseeKey),
        ("POST /api/v1/committees/{id}/recommendations/{recommendation}/closure", Access.AdminKey),
        ("GET /api/v1/committees/{id}/questions", Access.Public),
        ("POST /api/v1/committees/{id}/questions", Access.AdminKey),
        ("PUT /api/v1/committees/{id}/questions/{question}/answer", Access.AddresseeKey),
        ("GET /api/v1/places/{place}/recommendations", Access.Public),
        // The caller's own inbox (so a key's, never anonymous); marking a notification read answers 404 for one that is not theirs.
        ("GET /api/v1/inbox", Access.AnyKey),
        ("POST /api/v1/inbox/notifications/{notification:long}/read", Access.AnyKey),

        // The hub (published changes), the OpenAPI document and health.
        ("* /hubs/scrutiny/negotiate", Access.Public),
        ("* /hubs/scrutiny", Access.Public),
        ("GET /openapi/{documentName}.json", Access.Public),
        ("* /health/live", Access.Public),
        ("* /health/ready", Access.Public),
    ]);

    private static IEnumerable<(string, Access)> Orleans(params string[] routes) =>
        routes.Select(r => ($"GET /admin/orleans{r}", Access.AdminPages));

    /// <summary>A page answers GET and, for its forms, POST; both have the page's rule.</summary>
    private static (string, Access)[] Page(string pattern, Access access) => [($"GET {pattern}", access), ($"POST {pattern}", access)];

    private static Dictionary<string, Access> Build(IEnumerable<(string Endpoint, Access Access)> rows) =>
        rows.ToDictionary(r => r.Endpoint, r => r.Access, StringComparer.Ordinal);
}
