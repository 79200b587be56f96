namespace Scrutiny.Silo.Security;

/// <summary>Settings under <c>Scrutiny:RateLimits</c>: budgets per minute (residents' submissions: per hour), past which a request gets 429 with Retry-After.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Scrutiny:RateLimits";

    /// <summary>
    /// Requests for pages, CSV exports and live catch-up from one address (anyone not signed in) or one signed-in
    /// person. A person reading pages makes a few a minute; a page's own files (scripts, styles) are not counted.
    /// </summary>
    public int PageRequestsPerMinute { get; set; } = 300;

    /// <summary>Reads of the API (<c>GET /api/v1/…</c>) by one API key; its writes have budgets of their own.</summary>
    public int ApiReadsPerMinute { get; set; } = 1200;

    /// <summary>
    /// Reads of published data through the API without a key (<c>ForAnyone</c> endpoints), from one client address:
    /// as many as a person reading pages may make, since each costs about what a page does. A key lifts the caller to
    /// <see cref="ApiReadsPerMinute"/>.
    /// </summary>
    public int AnonymousApiReadsPerMinute { get; set; } = 300;

    /// <summary>
    /// Refused API keys (unknown, revoked, expired, malformed) from one client address. A client with a wrong key
    /// retries a few times; someone guessing keys tries thousands. Past the budget, every key the address presents is
    /// answered 429 with Retry-After, unchecked, until the minute is out.
    /// </summary>
    public int FailedAuthenticationsPerMinute { get; set; } = 30;

    /// <summary>
    /// Questions and topic suggestions sent to committees from one client address in an hour (the only budget here
    /// counted by the hour): a resident sends one or two; more is a flood for the committee's members to wade through.
    /// </summary>
    public int ResidentSubmissionsPerHour { get; set; } = 5;

    /// <summary>
    /// Requests for a place's emails from one client address in an hour: each sends an address a link to confirm, so a
    /// resident asks for a few places at most; more is someone filling other people's inboxes.
    /// </summary>
    public int SubscriptionRequestsPerHour { get; set; } = 10;
}
