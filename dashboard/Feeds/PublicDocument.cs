using Scrutiny.Silo.Api;

namespace Scrutiny.Dashboard.Feeds;

/// <summary>
/// A feed or catalogue as the public sees it, the same for every reader: a strong ETag of its bytes (made and matched as
/// the open-data API's are, <see cref="ConditionalGets"/>), so that a feed reader polling every few minutes gets 304
/// until something changes, and a short public cache lifetime, so that a shared cache may answer for us without
/// holding a change back for long. (A signed-in reader's answer is made
/// <c>no-store</c> by <c>PrivateAnswers</c> whatever is set here.)
/// </summary>
public static class PublicDocument
{
    /// <summary>How long a cache may keep the document: five minutes, as a feed reader polls no faster.</summary>
    public const string CacheControl = "public, max-age=300";

    /// <param name="cacheControl">The cache lifetime; a document for its own reader only (an agency's calendar) says <c>private</c>.</param>
    public static IResult Answer(HttpContext context, byte[] body, string contentType, string cacheControl = CacheControl)
    {
        var etag = ConditionalGets.EntityTag(body);
        context.Response.Headers.ETag = etag;
        context.Response.Headers.CacheControl = cacheControl;
        return ConditionalGets.Matches(context.Request.Headers.IfNoneMatch, etag)
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(body, contentType);
    }

    /// <summary>The site's own scheme and host as the client used them (the client's behind a known proxy: ProxyHeaders).</summary>
    public static string Origin(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
