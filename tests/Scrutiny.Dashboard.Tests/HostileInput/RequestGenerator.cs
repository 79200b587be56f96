using CsCheck;
using Scrutiny.Dashboard.Tests.Authorisation;

namespace Scrutiny.Dashboard.Tests.HostileInput;

/// <summary>
/// Generated requests to every endpoint of the authorisation table: each caller, the endpoint's method (sometimes
/// another), hostile route values, its own query parameters and common ones with hostile values, hostile headers and
/// a body of the kind the endpoint takes (or another kind).
/// </summary>
public sealed class RequestGenerator(
    IReadOnlyList<EndpointShape> endpoints, RouteValues routeValues, IReadOnlyList<string> jsonNames, IReadOnlyDictionary<string, Access> rules)
{
    /// <summary>Parameters many endpoints read by hand rather than bind: asked of every endpoint, known to it or not.</summary>
    public static readonly string[] CommonQueryNames =
        ["page", "from", "to", "period", "place", "indicator", "q", "format", "ReturnUrl", "agency", "status", "since", "type", "by", "sort", "theme"];

    /// <summary>The endpoints requests are generated for: every row of the authorisation table the app serves.</summary>
    public IReadOnlyList<EndpointShape> Endpoints => endpoints;

    private static readonly string[] AnyMethods = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];

    public Gen<FuzzRequest> Requests =>
        Gen.OneOf([.. endpoints]).SelectMany(endpoint => Gen.Select(
            Caller(endpoint),
            Method(endpoint), Path(endpoint), Query(endpoint), HostileHeaders.Any,
            (caller, method, path, query, headers) => (caller, method, path, query, headers))
            .SelectMany(r => Body(endpoint, r.method).Select(body =>
                new FuzzRequest(0, r.caller, r.method, endpoint, r.path, r.query, r.headers, body))));

    /// <summary>
    /// Mostly a caller the table lets through, so that most requests reach the endpoint's own parsing and rules
    /// rather than stopping at authorisation; any caller otherwise, to try the refusals.
    /// </summary>
    private Gen<FuzzCaller> Caller(EndpointShape endpoint)
    {
        var anyone = Gen.OneOf(Enum.GetValues<FuzzCaller>());
        if (!rules.TryGetValue(endpoint.ToString(), out var access)) return anyone;
        FuzzCaller[] allowed = [.. Enum.GetValues<FuzzCaller>().Where(c => IsAllowed(c, access, endpoint.IsApi))];
        return allowed.Length == 0 ? anyone : Gen.Frequency((2, Gen.OneOf(allowed)), (1, anyone));
    }

    /// <summary>The table's callers hold keys for the API and sessions for the pages.</summary>
    private static bool IsAllowed(FuzzCaller caller, Access access, bool isApi) => caller switch
    {
        FuzzCaller.Anonymous => access.Allowed.Contains(Authorisation.Caller.Anonymous),
        FuzzCaller.AgencyKey => isApi && access.Allowed.Contains(Authorisation.Caller.Agency),
        FuzzCaller.AdminKey => isApi && access.Allowed.Contains(Authorisation.Caller.Administrator),
        FuzzCaller.AgencyPerson => !isApi && access.Allowed.Contains(Authorisation.Caller.Agency),
        FuzzCaller.BoardMember => !isApi && access.Allowed.Contains(Authorisation.Caller.BoardMember),
        FuzzCaller.ScrutinyMember => !isApi && access.Allowed.Contains(Authorisation.Caller.ScrutinyMember),
        FuzzCaller.Administrator => !isApi && access.Allowed.Contains(Authorisation.Caller.Administrator),
        _ => false,
    };

    private static Gen<string> Method(EndpointShape endpoint) => endpoint.Method == "*"
        ? Gen.OneOf(AnyMethods)
        : Gen.Frequency((9, Gen.Const(endpoint.Method)), (1, Gen.OneOf(AnyMethods)));

    private Gen<string> Path(EndpointShape endpoint)
    {
        var parameters = endpoint.RouteParameters;
        if (parameters.Count == 0) return Gen.Const(endpoint.Pattern);
        return Gen.Select(parameters.Select(routeValues.For).ToArray().Aggregate(
            Gen.Const(ImmutableValues.Empty), (values, next) => values.SelectMany(v => next.Select(v.Add))),
            values => Fill(endpoint.Pattern, parameters, values.Items));
    }

    private static string Fill(string pattern, IReadOnlyList<string> parameters, IReadOnlyList<string> values)
    {
        var path = pattern;
        for (var i = 0; i < parameters.Count; i++)
        {
            var start = path.IndexOf('{', StringComparison.Ordinal);
            var end = path.IndexOf('}', start);
            path = path[..start] + values[i] + path[(end + 1)..];
        }
        return path;
    }

    private Gen<(string Name, string Value)[]> Query(EndpointShape endpoint)
    {
        string[] names = [.. endpoint.QueryNames, .. CommonQueryNames];
        var name = Gen.Frequency((8, Gen.OneOf(names)), (1, HostileText.Any));
        return name.SelectMany(n => ValueFor(n).Select(v => (n, v))).Array[0, 4];
    }

    /// <summary>A hostile value of the parameter's own kind half the time (dates for a date, numbers for a page), anything otherwise.</summary>
    private Gen<string> ValueFor(string name)
    {
        var lower = name.ToLowerInvariant();
        var ofItsKind =
            lower is "from" or "to" or "since" or "due" or "date" or "period" or "until" || lower.EndsWith("date", StringComparison.Ordinal) ? HostileText.Dates
            : lower is "page" or "size" or "limit" or "top" or "skip" or "count" ? HostileText.Numbers
            : HostileText.Near(routeValues.ValidFor(lower)[0]);
        return Gen.Frequency((3, ofItsKind), (3, HostileText.Any),
            (1, Gen.OneOf("1", "2", "csv", "json", "2026-06", "2026-Q2", "E08000003", "MFT", "/", "//evil.example", "%2F%2Fevil.example")));
    }

    private Gen<FuzzBody?> Body(EndpointShape endpoint, string method)
    {
        var json = HostileBodies.Json(jsonNames);
        var csv = HostileBodies.Csv;
        var form = HostileBodies.Form(endpoint.FormNames.Count > 0 ? endpoint.FormNames : ["x"],
            endpoint.FormFields.Count > 0 ? endpoint.FormFields : ["email", "password", "ReturnUrl", "period", "name"]);
        var none = Gen.Const(() => (FuzzBody?)null);
        if (method is "GET" or "HEAD" or "OPTIONS") return Gen.Frequency((19, none), (1, json.Select(b => (FuzzBody?)b)));
        var usual = endpoint.Accepts == "text/csv" ? csv : endpoint.IsPage ? form : json;
        return Gen.Frequency((12, usual.Select(b => (FuzzBody?)b)), (2, json.Select(b => (FuzzBody?)b)), (2, form.Select(b => (FuzzBody?)b)),
            (1, csv.Select(b => (FuzzBody?)b)), (1, none));
    }

    /// <summary>Route values gathered one parameter at a time, without mutating a list a generator may reuse.</summary>
    private sealed record ImmutableValues(IReadOnlyList<string> Items)
    {
        public static readonly ImmutableValues Empty = new([]);

        public ImmutableValues Add(string value) => new([.. Items, value]);
    }
}
