using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Scrutiny.Silo.Live;
using Scrutiny.Silo.Schedule;

namespace Scrutiny.Dashboard.PageCache;

/// <summary>
/// This node's renderings of public pages (<see cref="KeptForThePublicAttribute"/>), served again to the next reader who
/// is not signed in while nothing they show may have changed: 20 residents opening a place's scorecard at once make one
/// rendering of it, not 20. A rendering is kept under the node's <see cref="ChangeCount"/> and today's date, so that a
/// change the node hears of, a write it takes, its catalogue copy read again or midnight (a days-after rule publishes
/// then) ends it at once; and for <see cref="PageCacheOptions.KeepFor"/> at most, the bound on what reaches the store
/// from another node without a change on the feed. A rendering is kept from the second reader of an address within
/// that time (the first is answered as if nothing were kept); readers who ask while it is being rendered wait for it
/// rather than make their own. Kept: a GET by someone not signed in (no cookie of ours, no
/// <c>Authorization</c>), answered 200 without setting a cookie, with nothing changed while it was rendered; one
/// rendering per address (path and query string, scheme and host). A signed-in reader may see unpublished values and
/// their own navigation, so is always answered afresh.
/// </summary>
public sealed class KeptPages(ChangeCount changes, TimeProvider time, PageCacheOptions options)
{
    /// <summary>Bytes kept at most; a rendering that would pass it is not kept (expired ones are dropped first).</summary>
    public const long MaxBytes = 64 * 1024 * 1024;

    private readonly ConcurrentDictionary<string, KeptPage> _kept = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task<KeptPage?>> _rendering = new(StringComparer.Ordinal);
    // Addresses asked for once within the keeping time, and when.
    private readonly ConcurrentDictionary<string, long> _askedOnce = new(StringComparer.Ordinal);
    private const int MaxAskedOnce = 100_000;
    private readonly Lock _sweeping = new();
    private long _bytes;
    private long _sweptAt;

    /// <summary>How many renderings are kept now (expired ones included until they are swept).</summary>
    public int Count => _kept.Count;

    private static bool IsKeptPage(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method)
        && context.GetEndpoint()?.Metadata.GetMetadata<KeptForThePublicAttribute>() is not null
        && context.User.Identity?.IsAuthenticated != true
        && StringValues.IsNullOrEmpty(context.Request.Headers.Authorization);

    public async Task ServeAsync(HttpContext context, RequestDelegate next)
    {
        if (options.KeepFor <= TimeSpan.Zero || !IsKeptPage(context))
        {
            await next(context);
            return;
        }
        // Read as the request starts: a rendering begun before a change is kept under the count before it, never served after.
        var count = changes.Current;
        var key = KeyOf(context.Request, count, time.Today());
        if (_kept.TryGetValue(key, out var page) && Stopwatch.GetTimestamp() < page.Until)
        {
            await page.WriteToAsync(context.Response, context.RequestAborted);
            return;
        }
        // A page asked for once may not be asked for again (a crawler's walk through every place and indicator): keeping
        // it would hold its bytes for nothing, for collections to copy. The second reader within the keeping time has it
        // kept for the rest.
        Sweep();
        if (_askedOnce.TryAdd(key, Stopwatch.GetTimestamp()))
        {
            await next(context);
            return;
        }
        var mine = new TaskCompletionSource<KeptPage?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var rendering = _rendering.GetOrAdd(key, mine.Task);
        if (rendering != mine.Task)
        {
            if (await rendering.WaitAsync(context.RequestAborted) is { } rendered) await rendered.WriteToAsync(context.Response, context.RequestAborted);
            else await next(context);
            return;
        }
        KeptPage? kept = null;
        try
        {
            kept = await RenderAsync(context, next, count);
            if (kept is not null) Keep(key, kept);
        }
        finally
        {
            _rendering.TryRemove(new KeyValuePair<string, Task<KeptPage?>>(key, mine.Task));
            mine.SetResult(kept);
        }
    }

    private async Task<KeptPage?> RenderAsync(HttpContext context, RequestDelegate next, long count)
    {
        var response = context.Response;
        var before = response.Headers.Select(h => h.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var body = context.Features.Get<IHttpResponseBodyFeature>()!;
        var copying = new CopyingStream(body.Stream);
        var copied = new StreamResponseBodyFeature(copying, body);
        context.Features.Set<IHttpResponseBodyFeature>(copied);
        try
        {
            await next(context);
            // What the page wrote to the body's pipe and the pipe still holds, through the copy before it is put away.
            await copied.CompleteAsync();
        }
        finally
        {
            context.Features.Set(body);
        }
        // A cookie set (an antiforgery token's, a sign-in's) is one reader's; an error or a redirect is not the page; a
        // page rendered while something changed is served to no one (the count it would be kept under has moved on).
        if (response.StatusCode != StatusCodes.Status200OK || !StringValues.IsNullOrEmpty(response.Headers[HeaderNames.SetCookie])
            || context.RequestAborted.IsCancellationRequested || changes.Current != count || copying.Pieces is not { } pieces)
            return null;
        var headers = response.Headers.Where(h => !before.Contains(h.Key) && !ServersOwn.Contains(h.Key)).ToList();
        return new KeptPage(headers, pieces, copying.CopiedLength, Stopwatch.GetTimestamp() + (long)(options.KeepFor.TotalSeconds * Stopwatch.Frequency));
    }

    // Headers the server sets for each answer's framing, not the page's: Kestrel adds Transfer-Encoding to a body of unknown length.
    private static readonly HashSet<string> ServersOwn = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.ContentLength, HeaderNames.TransferEncoding, HeaderNames.Date, HeaderNames.Server, HeaderNames.Connection, HeaderNames.KeepAlive,
    };

    private void Keep(string key, KeptPage page)
    {
        if (Interlocked.Add(ref _bytes, page.Length) > MaxBytes)
        {
            Interlocked.Add(ref _bytes, -page.Length);
            return;
        }
        if (_kept.TryGetValue(key, out var old) && _kept.TryUpdate(key, page, old)) Interlocked.Add(ref _bytes, -old.Length);
        else if (!_kept.TryAdd(key, page)) Interlocked.Add(ref _bytes, -page.Length);
    }

    // Renderings kept under a count that has moved on are never read again: each goes once it has expired, at most one
    // sweep a keeping time.
    private void Sweep()
    {
        var now = Stopwatch.GetTimestamp();
        lock (_sweeping)
        {
            if (Stopwatch.GetElapsedTime(_sweptAt, now) < options.KeepFor) return;
            _sweptAt = now;
        }
        foreach (var (key, page) in _kept)
            if (page.Until <= now && _kept.TryRemove(new KeyValuePair<string, KeptPage>(key, page)))
                Interlocked.Add(ref _bytes, -page.Length);
        if (_askedOnce.Count > MaxAskedOnce) _askedOnce.Clear();
        foreach (var (key, at) in _askedOnce)
            if (Stopwatch.GetElapsedTime(at, now) >= options.KeepFor) _askedOnce.TryRemove(new KeyValuePair<string, long>(key, at));
    }

    private static string KeyOf(HttpRequest request, long count, DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"{count}\n{day:O}\n{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}");
}
