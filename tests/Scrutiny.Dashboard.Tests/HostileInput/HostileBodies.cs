using CsCheck;

namespace Scrutiny.Dashboard.Tests.HostileInput;

/// <summary>
/// Bodies for a route: JSON with wrong types, deep nesting, huge numbers, NaN, lone surrogates, duplicated and
/// truncated; CSV with formula injection and broken quoting; form posts with and without a good antiforgery token.
/// The JSON's property names are the API's own (from its OpenAPI document), so that values reach the validation
/// behind the parser as well as the parser.
/// </summary>
public static class HostileBodies
{
    private static readonly Gen<string> JsonStrings = Gen.OneOf<string>(
        Gen.OneOf("\"\"", "\"x\"", "\"\\ud800\"", "\"\\udc00x\"", "\"\uD800\"", "\"=HYPERLINK(\\\"http://127.0.0.1\\\")\"",
            "\"2026-06\"", "\"2026-08\"", "\"9999-12-31\"", "\"0001-01-01\"", "\"E08000003\"", "\"emergency-admissions-65plus\"",
            "\"delayed-discharge-days\"", "\"MFT\"", "\"GMP\"", "\"manchester-hwb\"", "\"c1\"", "\"\\u0000\"", "\"<script>alert(1)</script>\"",
            "\"NaN\"", "\"Infinity\"", "\"-1\"", "\"1e309\"", "\"true\"", "\"csp-violation\"", "\"script-src\""),
        Gen.Int[1000, 20000].Select(n => "\"" + new string('x', n) + "\""),
        Gen.String[Gen.Char['\u0001', '\uFFFF'], 0, 30].Select(s => System.Text.Json.JsonSerializer.Serialize(s)));

    private static readonly Gen<string> JsonNumbers = Gen.OneOf(
        "0", "-0", "1", "-1", "0.5", "1e400", "-1e400", "1.7976931348623157e308", "123456789012345678901234567890",
        "2147483648", "-9223372036854775809", "9223372036854775807", "NaN", "Infinity", "-Infinity", "01", "1.", ".5", "0x10");

    private static readonly Gen<string> JsonScalars = Gen.Frequency(
        (4, JsonStrings), (4, JsonNumbers), (1, Gen.OneOf("true", "false", "null", "[]", "{}", "[null]", "{\"\":null}")));

    /// <summary>Deep nesting: past System.Text.Json's default depth of 64, and far past it.</summary>
    private static readonly Gen<string> Deep = Gen.Int[60, 5000].SelectMany(depth => Gen.OneOf(
        new string('[', depth) + new string(']', depth),
        string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth),
        string.Concat(Enumerable.Repeat("{\"returns\":[", depth))));

    /// <summary>JSON bodies built from <paramref name="names"/> (property names the API knows).</summary>
    public static Gen<FuzzBody> Json(IReadOnlyList<string> names)
    {
        var name = Gen.Frequency((6, Gen.OneOf([.. names])), (1, Gen.OneOf("", "__proto__", "$type", "\\ud800", "a\u0000b")));
        var value = Gen.Frequency((5, JsonScalars), (1, JsonScalars.Array[0, 4].Select(v => "[" + string.Join(",", v) + "]")));
        var property = Gen.Select(name, value, (n, v) => $"\"{n}\":{v}");
        var obj = property.Array[0, 7].Select(p => "{" + string.Join(",", p) + "}");
        // Objects inside objects and in arrays: a batch's rows, a commitment's milestones.
        var nested = Gen.Select(property.Array[0, 4], name, obj.Array[0, 4], (p, n, inner) =>
            "{" + string.Join(",", [.. p, $"\"{n}\":[{string.Join(",", inner)}]"]) + "}");
        var duplicated = Gen.Select(name, value, value, (n, a, b) => $"{{\"{n}\":{a},\"{n}\":{b}}}");
        // An object as a property's value (a CSP report's {"csp-report": {...}}) and a list of objects (the Reporting API's).
        var wrapped = Gen.Select(name, obj, (n, o) => $"{{\"{n}\":{o}}}");
        var list = obj.Array[1, 3].Select(o => "[" + string.Join(",", o) + "]");
        var truncated = Gen.Select(nested, Gen.Double[0, 1], (json, at) => json[..(int)(json.Length * at)]);
        var json = Gen.Frequency((3, obj), (3, nested), (2, wrapped), (1, list), (1, duplicated), (2, truncated), (1, Deep), (1, JsonScalars),
            (1, Gen.OneOf("", " ", "\uFEFF{}", "{}{}", "{,}", "[1,]", "{'a':1}", "{\"a\":1 /* c */}", "\u0000")));
        return Gen.Select(json, JsonContentTypes, (text, type) => new FuzzBody(type, text));
    }

    private static readonly Gen<string?> JsonContentTypes = Gen.Frequency(
        (8, Gen.Const<string?>("application/json")),
        (1, Gen.OneOf<string?>(null, "application/json; charset=utf-16", "application/json; charset=bogus", "text/plain",
            "application/problem+json", "application/csp-report", "application/reports+json", "text/csv", "application/x-www-form-urlencoded", "multipart/form-data", "*/*", "application/json;;;",
            "application/" + new string('j', 5000))));

    private static readonly Gen<string> CsvCells = Gen.Frequency(
        (4, Gen.OneOf("E08000003", "emergency-admissions-65plus", "delayed-discharge-days", "2026-06", "2026-08", "1", "61000", "")),
        (3, Gen.OneOf("=HYPERLINK(\"http://127.0.0.1/x\",\"x\")", "+1+1", "-1+2", "@SUM(A1:A2)", "\t=1", "\r=1", "=cmd|' /C calc'!A0",
            "\"unclosed", "a\"b", "\"a\"\"b\"", "\"line\nbreak\"", "\u0000", "\uD800", "1e400", "NaN", "-0", "9999999999999999999999",
            "\uFEFFplace", "a,b", ";", "\"\"\"")),
        (1, HostileText.Random.Select(Uri.UnescapeDataString)));

    private const string Header = "place,indicator,period,numerator,denominator";

    /// <summary>CSV with formula injection, broken quoting, odd headers and rows of the wrong width.</summary>
    public static readonly Gen<FuzzBody> Csv = Gen.Select(
        Gen.OneOf(Header, Header + ",agency", "indicator,place,period,numerator", "place,place,period,numerator,denominator", "", "\uFEFF" + Header, "=1+1,b,c"),
        CsvCells.Array[0, 7].Select(cells => string.Join(",", cells)).Array[0, 6],
        Gen.OneOf("\n", "\r\n", "\r"),
        Gen.OneOf<string?>("text/csv", "text/csv", "text/csv; charset=utf-8", "application/json", null, "text/plain"),
        (header, rows, newline, type) => new FuzzBody(type, string.Join(newline, [header, .. rows])));

    /// <summary>
    /// A form post: one of the page's own form names (or a made-up one) as <c>_handler</c>, its fields (or others) with
    /// hostile values, and the caller's good antiforgery token, a bad one, or none.
    /// </summary>
    public static Gen<FuzzBody> Form(IReadOnlyList<string> handlers, IReadOnlyList<string> fields)
    {
        var handler = Gen.Frequency((5, Gen.OneOf([.. handlers, "x"])), (1, HostileText.Any));
        var field = Gen.Select(Gen.Frequency((5, Gen.OneOf([.. fields])), (1, HostileText.Any)),
            Gen.Frequency((3, HostileText.Any), (1, Gen.OneOf("1", "2026-06", "E08000003", "MFT", "on", "true"))),
            (name, value) => $"{name}={value}");
        var token = Gen.Frequency((4, Gen.Const($"&__RequestVerificationToken={FuzzBody.AntiforgeryToken}")),
            (1, Gen.OneOf("", "&__RequestVerificationToken=", "&__RequestVerificationToken=CfDJ8junk", "&__RequestVerificationToken=%ED%A0%80")));
        var type = Gen.Frequency((8, Gen.Const<string?>("application/x-www-form-urlencoded")),
            (1, Gen.OneOf<string?>("multipart/form-data", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded; charset=bogus", null)));
        return Gen.Select(handler, field.Array[0, 6], token, type,
            (h, f, t, ct) => new FuzzBody(ct, string.Join("&", [$"_handler={h}", .. f]) + t));
    }
}
