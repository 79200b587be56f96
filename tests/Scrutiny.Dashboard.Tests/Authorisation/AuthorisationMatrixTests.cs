using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Scrutiny.Dashboard.Tests.Infrastructure;

namespace Scrutiny.Dashboard.Tests.Authorisation;

/// <summary>
/// Every endpoint of the running dashboard, for every kind of caller, by real HTTP requests against
/// <see cref="AuthorisationTable"/>. API routes are called with the caller's API key where they hold one (an agency's,
/// an administrator's) and with their cookie otherwise; pages always with the cookie their person got from the
/// sign-in form.
/// </summary>
public sealed partial class AuthorisationMatrixTests(MatrixApp matrix) : IClassFixture<MatrixApp>
{
    [Fact]
    public void Every_endpoint_has_a_rule_and_every_rule_an_endpoint()
    {
        var endpoints = Endpoints().ToHashSet(StringComparer.Ordinal);

        var missing = endpoints.Where(e => !AuthorisationTable.Rules.ContainsKey(e)).Order(StringComparer.Ordinal).ToList();
        var stale = AuthorisationTable.Rules.Keys.Where(k => !endpoints.Contains(k)).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, "Endpoints without a rule in AuthorisationTable:\n" + string.Join("\n", missing));
        Assert.True(stale.Count == 0, "Rules for endpoints that no longer exist:\n" + string.Join("\n", stale));
    }

    [Fact]
    public async Task Each_caller_is_allowed_or_refused_as_the_table_says()
    {
        var wrong = new List<string>();
        foreach (var endpoint in Endpoints().Order(StringComparer.Ordinal))
        {
            if (!AuthorisationTable.Rules.TryGetValue(endpoint, out var access)) continue;
            foreach (var caller in Enum.GetValues<Caller>())
            {
                var response = await CallAsync(endpoint, caller);
                var refused = IsRefused(response);
                var expected = access.Allowed.Contains(caller);
                if (expected == refused || (int)response.StatusCode >= 500)
                    wrong.Add($"{endpoint} as {caller}: {(int)response.StatusCode} {response.Headers.Location}, expected {(expected ? "allowed" : "refused")} ({access})");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task A_scrutiny_member_cannot_send_returns_by_the_api_or_the_pages()
    {
        foreach (var endpoint in new[] { "POST /api/v1/returns", "GET /agency/returns/upload", "GET /agency/returns/new" })
            Assert.True(IsRefused(await CallAsync(endpoint, Caller.ScrutinyMember)), endpoint);
        Assert.True(IsRefused(await CallAsync("POST /api/v1/returns", Caller.BoardMember)));
    }

    [Fact]
    public async Task An_agency_cannot_read_another_agencys_returns_but_reads_its_own()
    {
        var other = await CallAsync("GET /api/v1/agencies/{code}/returns", Caller.OtherAgency);
        var own = await CallAsync("GET /api/v1/agencies/{code}/returns", Caller.Agency);

        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    /// <summary>"METHOD pattern" for each method of each route endpoint (<c>*</c> when any method matches).</summary>
    private IEnumerable<string> Endpoints() =>
        matrix.App.Get<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().SelectMany(endpoint =>
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            return methods is null or { Count: 0 } ? [$"* {pattern}"] : methods.Select(m => $"{m} {pattern}");
        });

    private string? Accepts(string endpoint) =>
        matrix.App.Get<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => endpoint.EndsWith(" /" + e.RoutePattern.RawText!.TrimStart('/'), StringComparison.Ordinal))
            .Select(e => e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.FirstOrDefault())
            .FirstOrDefault(type => type is not null);

    private async Task<HttpResponseMessage> CallAsync(string endpoint, Caller caller)
    {
        var (method, pattern) = (endpoint.Split(' ', 2)[0], endpoint.Split(' ', 2)[1]);
        var request = new HttpRequestMessage(method == "*" ? HttpMethod.Get : new HttpMethod(method), Fill(pattern, caller));
        // A body of the type the endpoint accepts: routing answers 415 for any other before authorisation is asked.
        if (method is "POST" or "PUT")
            request.Content = Accepts(endpoint) == "text/csv"
                ? new StringContent("", Encoding.UTF8, "text/csv")
                : new StringContent("{}", Encoding.UTF8, "application/json");
        var isApi = pattern.StartsWith("/api/", StringComparison.Ordinal);
        if (isApi && matrix.ApiKey(caller) is { } key)
        {
            request.Headers.TryAddWithoutValidation("Authorization", $"ApiKey {key}");
            return await matrix.Session(Caller.Anonymous).SendAsync(request);
        }
        return await matrix.Session(caller).SendAsync(request);
    }

    /// <summary>A route with real values: the caller's agency (or the other one) where the route names an agency.</summary>
    private string Fill(string pattern, Caller caller)
    {
        var agency = caller == Caller.OtherAgency ? MatrixApp.OtherAgency : TestCatalogue.Agency;
        var isAgencyRoute = pattern.Contains("/agencies/{", StringComparison.OrdinalIgnoreCase);
        return Parameter().Replace(pattern, match => match.Groups["name"].Value.ToLowerInvariant() switch
        {
            "code" when isAgencyRoute => agency,
            "code" or "place" => TestCatalogue.Manchester,
            "indicator" or "indicatorcode" => TestCatalogue.Admissions,
            "id" when pattern.StartsWith("/panels", StringComparison.Ordinal) => matrix.PanelId,
            "id" when pattern.StartsWith("/admin/people", StringComparison.Ordinal) => matrix.People.BoardMember.Person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // A committee the table's scrutiny member sits on, so that its forms are reached (or refused) for real.
            "id" when pattern.StartsWith("/committees", StringComparison.Ordinal) => TestPeople.Committee,
            "id" when pattern.StartsWith("/api/v1/boards", StringComparison.Ordinal) || pattern.StartsWith("/boards", StringComparison.Ordinal) => "manchester-hwb",
            "id" => "matrix-group",
            "commitment" or "subject" => "c1",
            "cohort" => "k1",
            "milestone" => "m1",
            "meeting" or "meetingid" => "mt1",
            "topic" or "recommendation" or "recommendationid" or "question" or "questionid" or "reference" or "submissionid" => "r1",
            "notification" => "1",
            "period" => "2026-01",
            "status" => "404",
            "documentname" => "v1",
            // Orleans' dashboard: a grain type, a silo address, a page, a path of its assets.
            "grainname" => "indicator",
            "address" => Silo(),
            "page" => "1",
            "path" when pattern.Contains("/HistoricalStats/", StringComparison.Ordinal) => Silo(),
            "path" => "none.svg",
            var other => throw new InvalidOperationException($"No value for route parameter {other} in {pattern}"),
        });
    }

    /// <summary>The app's own silo, as Orleans' dashboard writes silo addresses.</summary>
    private string Silo() => matrix.App.Get<ILocalSiloDetails>().SiloAddress.ToParsableString();

    /// <summary>Refused: 401 or 403, or a page's redirect to sign in or to "access denied".</summary>
    private static bool IsRefused(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
        || (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found
            && response.Headers.Location?.OriginalString is { } location
            && (location.Contains("/sign-in", StringComparison.Ordinal) || location.Contains("/access-denied", StringComparison.Ordinal)));

    [GeneratedRegex(@"\{\*{0,2}(?<name>[A-Za-z]+)(:[^}]*)?\}")]
    private static partial Regex Parameter();
}
