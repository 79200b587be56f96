using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Scrutiny.Silo.Api;

/// <summary>
/// Validators for the public's answers of open-data reads (<see cref="OpenData"/>), made once here rather than in each
/// handler: the answer is buffered, its strong ETag is the SHA-256 of its bytes (base64url) (a workbook's is weak,
/// of its rows: <see cref="UseWeakValidator"/>), and a request whose
/// <c>If-None-Match</c> names it gets <c>304</c> with no body. The public's answer may be kept by any cache for a minute
/// (<see cref="CacheControl"/>) and varies with the key, the origin (CORS) and the encoding. No <c>Last-Modified</c> is
/// sent: no one time is known at which a place's series, a board's statuses or a register last changed for the public
/// (a release, a day passing under a <c>days_after_period_end</c> rule or a correction each change them), and a time
/// made up would answer <c>If-Modified-Since</c> wrongly; <c>If-Modified-Since</c> is therefore not answered with 304.
/// Keyed answers are left alone: they are their holder's, <c>no-store</c> (<see cref="Security.PrivateAnswers"/>).
/// </summary>
public static class ConditionalGets
{
    /// <summary>A minute: a shared cache may spare the node a read, and a release reaches everyone within the minute.</summary>
    public const string CacheControl = "public, max-age=60";

    public const string Vary = "Authorization, Origin, Accept-Encoding";

    /// <summary>After authentication and the rate limiter: a 429 or a 401 has nothing to validate.</summary>
    public static IApplicationBuilder UseConditionalGets(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!IsPublicOpenRead(context))
            {
                await next(context);
                return;
            }
            var response = context.Response;
            var body = response.Body;
            using var buffer = new MemoryStream();
            response.Body = buffer;
            try
            {
                await next(context);
            }
            finally
            {
                response.Body = body;
            }
            if (response.StatusCode == StatusCodes.Status200OK)
            {
                var etag = context.Items[WeakValidatorKey] is Func<byte[]> meaning
                    ? "W/" + EntityTag([.. "xlsx\n"u8, .. meaning()])
                    : EntityTag(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
                response.Headers.ETag = etag;
                response.Headers.CacheControl = CacheControl;
                response.Headers.Vary = Vary;
                if (Matches(context.Request.Headers.IfNoneMatch, etag))
                {
                    response.StatusCode = StatusCodes.Status304NotModified;
                    response.ContentLength = null;
                    response.Headers.ContentType = StringValues.Empty;
                    response.Headers.ContentDisposition = StringValues.Empty;
                    return;
                }
            }
            response.ContentLength = buffer.Length;
            buffer.Position = 0;
            await buffer.CopyToAsync(body, context.RequestAborted);
        });

    private static readonly object WeakValidatorKey = new();

    /// <summary>
    /// Validates the answer by <paramref name="meaning"/> rather than its bytes, with a weak tag (RFC 9110 8.8.1): for a
    /// workbook, whose bytes differ between two downloads of the same rows (the time it was made, a zip's entry times)
    /// while what it says does not. The tag is of the meaning marked as a workbook's, so that a workbook and a CSV of
    /// the same rows never share one. The meaning is made only for the public's open-data reads, which are validated.
    /// </summary>
    public static void UseWeakValidator(HttpContext context, Func<byte[]> meaning) => context.Items[WeakValidatorKey] = meaning;

    private static bool IsPublicOpenRead(HttpContext context) =>
        (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && context.User.Identity?.IsAuthenticated != true
        && context.GetEndpoint()?.Metadata.GetMetadata<OpenData>() is not null;

    /// <summary>A strong entity tag of an answer's bytes: their SHA-256, base64url, quoted.</summary>
    public static string EntityTag(ReadOnlySpan<byte> body) => $"\"{Base64Url.EncodeToString(SHA256.HashData(body))}\"";

    /// <summary>
    /// Whether a request's <c>If-None-Match</c> names the answer's tag (strong, or weak as <c>W/"…"</c>): RFC 9110
    /// 13.1.2 compares weakly, and "*" matches any current answer.
    /// </summary>
    public static bool Matches(StringValues ifNoneMatch, string etag)
    {
        if (ifNoneMatch.Count == 0 || !EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)) return false;
        var answer = EntityTagHeaderValue.Parse(etag);
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(answer, useStrongComparison: false));
    }
}
