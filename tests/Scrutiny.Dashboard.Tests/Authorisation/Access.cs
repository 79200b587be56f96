namespace Scrutiny.Dashboard.Tests.Authorisation;

/// <summary>Who asks, in the authorisation table's columns.</summary>
public enum Caller
{
    Anonymous,

    /// <summary>An agency's submitter, on a route about their own agency (or about no agency).</summary>
    Agency,

    /// <summary>The same submitter, on a route whose <c>{code}</c> is another agency.</summary>
    OtherAgency,

    BoardMember,
    ScrutinyMember,
    Administrator,
}

/// <summary>
/// A rule: which callers an endpoint lets through. Allowed means past authorisation (any answer but 401, 403 or a
/// redirect to sign in or to "access denied"); a 400 for a body the table does not send, or a 404 for an id it
/// makes up, is allowed.
/// </summary>
public sealed record Access(string Name, IReadOnlySet<Caller> Allowed)
{
    private static Access Of(string name, params Caller[] allowed) => new(name, allowed.ToHashSet());

    /// <summary>Anyone, signed in or not: published data, the sign-in and sign-out forms, health.</summary>
    public static readonly Access Public = Of(nameof(Public), Enum.GetValues<Caller>());

    /// <summary>The API for any API key (an agency's or an administrator's); a person's cookie is no key.</summary>
    public static readonly Access AnyKey = Of(nameof(AnyKey), Caller.Agency, Caller.OtherAgency, Caller.Administrator);

    /// <summary>The API for an agency's key only: sending returns (an administrator's key speaks for no agency).</summary>
    public static readonly Access AgencyKey = Of(nameof(AgencyKey), Caller.Agency, Caller.OtherAgency);

    /// <summary>The API for the key of the agency in the route, or an administrator's.</summary>
    public static readonly Access OwnAgencyKeyOrAdmin = Of(nameof(OwnAgencyKeyOrAdmin), Caller.Agency, Caller.Administrator);

    public static readonly Access AdminKey = Of(nameof(AdminKey), Caller.Administrator);

    /// <summary>
    /// An indicator's settings for a place: any key reaches the endpoint, which then lets an administrator or a partner
    /// agency of the place change them (the table's agency sits on the place's board).
    /// </summary>
    public static readonly Access PlacePartnerKeyOrAdmin = Of(nameof(PlacePartnerKeyOrAdmin), Caller.Agency, Caller.OtherAgency, Caller.Administrator);

    /// <summary>The same settings as a page: signed in, and then the page lets only a partner of the place or an administrator in.</summary>
    public static readonly Access PlacePartnerOrAdminPages = Of(nameof(PlacePartnerOrAdminPages), Caller.Agency, Caller.OtherAgency, Caller.Administrator);

    /// <summary>
    /// A board's records through the API: any key reaches the endpoint, which then lets in an administrator or an agency
    /// on the board (the table's agency sits on manchester-hwb; its "other agency" caller is the same key, as a board
    /// route names no agency, and an agency off the board is refused in the silo's BoardsApiTests). A board member's
    /// cookie is no key.
    /// </summary>
    public static readonly Access BoardAgencyKeyOrAdmin = Of(nameof(BoardAgencyKeyOrAdmin), Caller.Agency, Caller.OtherAgency, Caller.Administrator);

    /// <summary>
    /// A board's forms (commitments, milestones, updates, status, fund, Turn the Curve), its meeting view and its pack:
    /// signed in, and then the page lets in an administrator, an agency on the board or one of its members (the table's
    /// agency sits on manchester-hwb, and its "other agency" caller is the same session), and answers 403 to everyone
    /// else, a post to a form included.
    /// </summary>
    public static readonly Access BoardWorkerPages = Of(nameof(BoardWorkerPages), Caller.Agency, Caller.OtherAgency, Caller.BoardMember, Caller.Administrator);

    /// <summary>The board's chair and meeting dates form: its members and administrators.</summary>
    public static readonly Access BoardMemberOrAdminPages = Of(nameof(BoardMemberOrAdminPages), Caller.BoardMember, Caller.Administrator);

    /// <summary>
    /// A response to a committee's recommendation or an answer to its question: any key reaches the endpoint, which
    /// finds the record (404 for the table's made-up one) and then lets only the addressee's key in (the agency
    /// addressed, or an agency on the board addressed; 403 for every other key, an administrator's too), as the silo's
    /// committee tests check. A person's cookie is no key.
    /// </summary>
    public static readonly Access AddresseeKey = Of(nameof(AddresseeKey), Caller.Agency, Caller.OtherAgency, Caller.Administrator);

    /// <summary>
    /// A committee's own forms (a meeting date, a work-programme topic, a question to a partner): signed in, and then
    /// the page lets in the committee's members and administrators (CommitteeAccess.MayWork) and answers 403 to
    /// everyone else, a post to the form included (CommitteeFormPosts).
    /// </summary>
    public static readonly Access CommitteeWorkerPages = Of(nameof(CommitteeWorkerPages), Caller.ScrutinyMember, Caller.Administrator);

    /// <summary>A page whose answer is a 403 for everyone: the "you cannot open this page" page.</summary>
    public static readonly Access ForbiddenPage = Of(nameof(ForbiddenPage));

    /// <summary>Agency pages: a person who submits for an agency.</summary>
    public static readonly Access AgencyPages = Of(nameof(AgencyPages), Caller.Agency, Caller.OtherAgency);

    public static readonly Access AdminPages = Of(nameof(AdminPages), Caller.Administrator);

    /// <summary>A page or document of the agency in the route: that agency's people and administrators, signed in.</summary>
    public static readonly Access OwnAgencyOrAdminPages = Of(nameof(OwnAgencyOrAdminPages), Caller.Agency, Caller.Administrator);

    /// <summary>Pages for anyone signed in; the page itself may refuse what a role may not change.</summary>
    public static readonly Access SignedInPages = Of(nameof(SignedInPages),
        Caller.Agency, Caller.OtherAgency, Caller.BoardMember, Caller.ScrutinyMember, Caller.Administrator);

    public override string ToString() => Name;
}
