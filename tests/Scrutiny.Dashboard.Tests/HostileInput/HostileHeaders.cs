using CsCheck;

namespace Scrutiny.Dashboard.Tests.HostileInput;

/// <summary>
/// Headers a client should not send: junk and huge API keys, odd Accept and forwarding headers, idempotency keys of
/// every shape, a forged session cookie. <see cref="AgencyKey"/> and <see cref="AdminKey"/> stand for the real keys
/// (to send them almost right); values may hold non-ASCII text, sent as UTF-8. Header values never hold CR, LF or
/// NUL: the client refuses to send those (the route and query generators carry them instead).
/// </summary>
public static class HostileHeaders
{
    public const string AgencyKey = "{{agency-key}}";
    public const string AdminKey = "{{admin-key}}";

    private static Gen<string> Huge(string prefix) => Gen.Int[2000, 40000].Select(n => prefix + new string('k', n));

    private static readonly Gen<(string, string)> Authorization = Gen.OneOf<string>(
        Gen.OneOf("ApiKey", "ApiKey ", "ApiKey x", "ApiKey  " + AgencyKey, "apikey " + AgencyKey, "ApiKey " + AgencyKey + " ",
            "ApiKey " + AgencyKey + "x", "ApiKey " + AdminKey + AdminKey, "ApiKey " + AgencyKey + "," + AdminKey, "Bearer " + AdminKey,
            "Basic Og==", "Basic !!!", "ApiKey é", "ApiKey ApiKey", "ApiKey scr_", "Digest x", "ApiKey %ED%A0%80"),
        Huge("ApiKey ")).Select(v => ("Authorization", v));

    private static readonly Gen<(string, string)> IdempotencyKey = Gen.OneOf<string>(
        Gen.OneOf("", " ", "x", "00000000-0000-0000-0000-000000000000", "%00", "é", "key with spaces", "../../x", "*"),
        Gen.String[Gen.Char['!', '~'], 1, 80], Huge("")).Select(v => ("Idempotency-Key", v));

    private static readonly Gen<(string, string)> Others = Gen.OneOf<(string, string)>(
        Gen.OneOf("text/csv", "application/json", "text/html", "*/*", "application/xml", "text/event-stream", "",
            "a/b;q=2", "text/html;q=0, application/json;q=0", "*/*;q=-1").Select(v => ("Accept", v)),
        Huge("text/").Select(v => ("Accept", v)),
        Gen.OneOf("1.2.3.4", "::1", "junk", "999.999.999.999", "127.0.0.1, 10.0.0.1, 8.8.8.8", "", "unknown", "[::1]:80")
            .Select(v => ("X-Forwarded-For", v)),
        Gen.Int[100, 3000].Select(n => ("X-Forwarded-For", string.Join(", ", Enumerable.Range(0, n).Select(i => $"10.0.{i / 250}.{i % 250}")))),
        Gen.OneOf("https", "http", "javascript", "").Select(v => ("X-Forwarded-Proto", v)),
        Gen.OneOf("evil.example", "127.0.0.1:1", "").Select(v => ("X-Forwarded-Host", v)),
        Gen.OneOf("en-GB", "xx-INVALID-1234567890", "*", "cy;q=x").Select(v => ("Accept-Language", v)),
        Gen.OneOf("bytes=0-1", "bytes=-1", "bytes=x", "bytes=99999999999999999999-").Select(v => ("Range", v)),
        Gen.OneOf("Fri, 31 Dec 9999 23:59:59 GMT", "Mon, 01 Jan 0001 00:00:00 GMT", "junk").Select(v => ("If-Modified-Since", v)),
        Gen.OneOf("\"x\"", "*", "W/\"\"").Select(v => ("If-None-Match", v)),
        Gen.OneOf("null", "http://evil.example", "").Select(v => ("Origin", v)),
        // A cookie header of the client's own, in place of the caller's session.
        Gen.OneOf("scrutiny-agency=junk", "scrutiny-agency=", ".AspNetCore.Antiforgery.x=junk", "a=" + new string('c', 3000), "=;=;")
            .Select(v => ("Cookie", v)));

    public static readonly Gen<(string Name, string Value)[]> Any =
        Gen.Frequency((2, Authorization), (2, IdempotencyKey), (5, Others)).Array[0, 4];
}
