using CsCheck;

namespace Scrutiny.Dashboard.Tests.HostileInput;

/// <summary>
/// Generated requests to every endpoint of the authorisation table: each caller, the endpoint's method (sometimes
/// another), hostile route values, its own query parameters and common ones with hostile values, hostile headers and
/// a body of the kind the endpoint takes (or another kind).
/// </summary>
public sealed class RequestGenerator(IReadOnlyList<EndpointShape> endpoints, RouteValues routeValues, IReadOnlyList<string> jsonNames)
{
    /// <summary>Parameters many endpoints read by hand rather than bind: asked of every endpoint, known to it or not.</summary>
    public static readonly string[] CommonQueryNames =
        ["page", "from", "to", "period", "place", "indicator", "q", "format", "ReturnUrl", "agency", "status", "since", "type", "by", "sort", "theme"];

    private static readonly string[] AnyMethods = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];

    public Gen<FuzzRequest> Requests =>
        Gen.OneOf([.. endpoints]).SelectMany(endpoint => Gen.Select(
            Gen.OneOf(Enum.GetValues<FuzzCaller>()),
            Method(endpoint), Path(endpoint), Query(endpoint), HostileHeaders.Any,
            (caller, method, path, query, headers) => (caller, method, path, query, headers))
            .SelectMany(r => Body(endpoint, r.method).Select(body =>
                new FuzzRequest(0, r.caller, r.method, endpoint, r.path, r.query, r.headers, body))));

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
        var value = Gen.Frequency((4, HostileText.Any), (2, Gen.OneOf(names).SelectMany(n => HostileText.Near(routeValues.ValidFor(n)[0]))),
            (1, Gen.OneOf("1", "2", "csv", "json", "2026-06", "2026-Q2", "E08000003", "MFT", "/", "//evil.example", "%2F%2Fevil.example")));
        return Gen.Select(name, value, (n, v) => (n, v)).Array[0, 4];
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
