using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Scrutiny.Dashboard.Tests.Authorisation;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Silo.Store;
using static Scrutiny.Dashboard.Tests.Infrastructure.TestCatalogue;

namespace Scrutiny.Dashboard.Tests.HostileInput;

/// <summary>
/// The authorisation matrix's world on one engine (its catalogue, keys, people and sessions), plus an embargoed
/// value, every log line the app writes at Warning and above, a fingerprint of the store, and a client that sends a
/// generated request as its caller: with their cookie and antiforgery token, or their API key.
/// </summary>
public sealed class FuzzWorld : IAsyncDisposable
{
    /// <summary>Budgets far above a few thousand requests a run, so that every request reaches its endpoint, not the limiter.</summary>
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Scrutiny:RateLimits:PageRequestsPerMinute"] = "1000000",
        ["Scrutiny:RateLimits:ApiReadsPerMinute"] = "1000000",
        ["Scrutiny:RateLimits:AnonymousApiReadsPerMinute"] = "1000000",
        ["Scrutiny:Returns:RequestsPerMinute"] = "1000000",
    };

    private readonly HttpClient _http;
    private readonly Dictionary<FuzzCaller, string> _tokens = [];

    private FuzzWorld(MatrixApp matrix, CapturingLogs logs, StoreFingerprint fingerprint, RequestGenerator generator)
    {
        (Matrix, Logs, Fingerprint, Generator) = (matrix, logs, fingerprint, generator);
        // Headers as UTF-8 bytes, so that non-ASCII values reach the server rather than failing in the client.
        _http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false, UseCookies = false, RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8,
        }) { BaseAddress = matrix.App.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public MatrixApp Matrix { get; }

    public CapturingLogs Logs { get; }

    public StoreFingerprint Fingerprint { get; }

    public RequestGenerator Generator { get; }

    public static async Task<FuzzWorld> StartAsync(StoreEngine engine)
    {
        var logs = new CapturingLogs();
        var matrix = await MatrixApp.StartAsync(engine, logs, Settings);
        await Embargo.SetUpAsync(matrix.App, matrix.Keys.Agency, matrix.Keys.Admin);
        var shapes = EndpointShape.Read(matrix.App.Get<EndpointDataSource>(), AuthorisationTable.Rules.Keys);
        var routeValues = new RouteValues(new Dictionary<string, string[]>
        {
            ["code"] = [Manchester, Agency, AdminCatalogue.Probation, Admissions, Embargo.Indicator, "E92000001"],
            ["place"] = [Manchester, AdminCatalogue.Trafford, "E47000001"],
            ["indicator"] = [Embargo.Indicator, Admissions, StillAtHome],
            ["indicatorcode"] = [Embargo.Indicator, Admissions],
            ["id"] = [matrix.PanelId, "manchester-hwb", TestPeople.Committee, "1", "2", "matrix-group",
                matrix.People.BoardMember.Person.Id.ToString(CultureInfo.InvariantCulture)],
            ["commitment"] = ["c1", "1"],
            ["milestone"] = ["m1", "1"],
            ["topic"] = ["r1", "1"],
            ["recommendation"] = ["r1", "1"],
            ["recommendationid"] = ["r1", "1"],
            ["question"] = ["q1", "1"],
            ["questionid"] = ["q1", "1"],
            ["notification"] = ["1"],
            // Never 2026-07: a generated request that released the embargoed period would be an administrator's right.
            ["period"] = ["2026-06", "2026-08", "2026-Q2"],
            ["status"] = ["400", "403", "404", "429", "413"],
            ["documentname"] = ["v1"],
        });
        var generator = new RequestGenerator(shapes, routeValues, await JsonNamesAsync(matrix.App), AuthorisationTable.Rules);
        var world = new FuzzWorld(matrix, logs, await StoreFingerprint.OpenAsync(matrix.App.Database), generator);
        foreach (var caller in Enum.GetValues<FuzzCaller>())
            world._tokens[caller] = await matrix.Session(world.Session(caller)).AntiforgeryTokenAsync("/sign-in");
        return world;
    }

    /// <summary>Sends <paramref name="request"/> as its caller; the answer's status, headers and body (as text).</summary>
    public async Task<FuzzAnswer> SendAsync(FuzzRequest request)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.PathAndQuery);
        var keys = (Agency: Matrix.Keys.Agency, Admin: Matrix.Keys.Admin);
        var session = Matrix.Session(Session(request.Caller));
        if (request.Headers.All(h => !h.Name.Equals("Cookie", StringComparison.OrdinalIgnoreCase)) && session.CookieHeader is { } cookies)
            message.Headers.TryAddWithoutValidation("Cookie", cookies);
        var key = request.Caller switch { FuzzCaller.AgencyKey => keys.Agency, FuzzCaller.AdminKey => keys.Admin, _ => null };
        if (key is not null && request.Headers.All(h => !h.Name.Equals("Authorization", StringComparison.OrdinalIgnoreCase)))
            message.Headers.TryAddWithoutValidation("Authorization", $"ApiKey {key}");
        foreach (var (name, value) in request.Headers)
            message.Headers.TryAddWithoutValidation(name, value.Replace(HostileHeaders.AgencyKey, keys.Agency, StringComparison.Ordinal)
                .Replace(HostileHeaders.AdminKey, keys.Admin, StringComparison.Ordinal));
        if (request.Body is { } body)
        {
            message.Content = new ByteArrayContent(body.Bytes(_tokens[request.Caller]));
            if (body.ContentType is not null) message.Content.Headers.TryAddWithoutValidation("Content-Type", body.ContentType);
        }
        using var response = await _http.SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        var headers = string.Join("\n", response.Headers.Concat(response.Content.Headers).Select(h => $"{h.Key}: {string.Join(", ", h.Value)}"));
        return new FuzzAnswer((int)response.StatusCode, headers, text);
    }

    /// <summary>The matrix session a caller's cookie comes from (none for the key holders and the anonymous).</summary>
    private Caller Session(FuzzCaller caller) => caller switch
    {
        FuzzCaller.AgencyPerson => Caller.Agency,
        FuzzCaller.BoardMember => Caller.BoardMember,
        FuzzCaller.ScrutinyMember => Caller.ScrutinyMember,
        FuzzCaller.Administrator => Caller.Administrator,
        _ => Caller.Anonymous,
    };

    /// <summary>Every property name of the API's own request and response shapes, from its OpenAPI document.</summary>
    private static async Task<IReadOnlyList<string>> JsonNamesAsync(DashboardApp app)
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        // Bodies read by hand have no schema in the document: a return batch's rows, and browsers' CSP reports.
        var names = new SortedSet<string>(StringComparer.Ordinal)
        {
            "returns", "place", "indicator", "period", "numerator", "denominator",
            "csp-report", "blocked-uri", "document-uri", "violated-directive", "effective-directive", "type", "body",
        };
        Collect(document.RootElement, names);
        return [.. names];

        static void Collect(JsonElement element, SortedSet<string> names)
        {
            if (element.ValueKind == JsonValueKind.Array)
                foreach (var item in element.EnumerateArray()) Collect(item, names);
            if (element.ValueKind != JsonValueKind.Object) return;
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "properties" && property.Value.ValueKind == JsonValueKind.Object)
                    foreach (var name in property.Value.EnumerateObject()) names.Add(name.Name);
                Collect(property.Value, names);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Fingerprint.DisposeAsync();
        await Matrix.DisposeAsync();
    }
}

/// <summary>What the app answered to a generated request.</summary>
public sealed record FuzzAnswer(int Status, string Headers, string Body)
{
    public string Excerpt(int around = -1)
    {
        var start = around < 0 ? 0 : Math.Max(0, around - 200);
        var length = Math.Min(Body.Length - start, 600);
        return $"{Status}\n{Headers}\n\n{(start > 0 ? "…" : "")}{Body.Substring(start, length)}{(start + length < Body.Length ? "…" : "")}";
    }
}
