using CsCheck;

namespace Scrutiny.Dashboard.Tests.HostileInput;

/// <summary>
/// Hostile text in the form it travels in a URL: already percent-encoded, so that a lone surrogate (%ED%A0%80), a NUL
/// or a CR/LF reaches the server as such rather than being cleaned up by the client. Values from here go into route
/// segments and query strings alike.
/// </summary>
public static class HostileText
{
    /// <summary>Numbers at and past the limits of int and long, and numbers that only look like numbers.</summary>
    public static readonly Gen<string> Numbers = Gen.OneOf(
        "0", "-0", "1", "-1", "2147483647", "2147483648", "-2147483648", "-2147483649", "4294967296",
        "9223372036854775807", "9223372036854775808", "-9223372036854775809", "99999999999", "1e10", "1e309",
        "1.5", "1%2C5", "NaN", "Infinity", "-Infinity", "0x10", "%2B1", "1_000", "%EF%BC%91"); // last: fullwidth 1

    /// <summary>Dates at the ends of the calendar (often: a day added to either end overflows) and past them, and periods that almost parse.</summary>
    public static readonly Gen<string> Dates = Gen.Frequency((1, Gen.OneOf("9999-12-31", "0001-01-01")), (2, Gen.OneOf(
        "9999-12-31", "0001-01-01", "10000-01-01", "0000-00-00", "2026-02-30", "2026-13-01", "2026-12-31T23%3A59%3A60",
        "2026-Q5", "2026-Q0", "2026%2F27", "2026%2F27-Q5", "9999%2F00", "-2026-01", "2026-1", "2026-06", "2026-08")));

    /// <summary>Strings that break parsers, paths, encodings, SQL, markup and headers.</summary>
    public static readonly Gen<string> Nasty = Gen.OneOf(
        "", "%20", "%23", "%00", "%2E%2E", "..", "%2F", "%2F..%2F..%2Fetc%2Fpasswd", "%5C", "%25", "%", "%zz", "%C0%AF",
        "%FF", "%ED%A0%80", "%ED%B0%80", "%F0%9F%98%80", "%E2%80%AE", "%EF%BB%BF", "%0D%0ASet-Cookie%3A%20x%3D1", "%0A",
        "%09", "'", "%22", "'%20OR%201%3D1--", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%7B%7B7*7%7D%7D", "%24%7Bjndi%7D",
        "null", "undefined", "true", "%5B%5D", "%7B%7D", "~", "*", "%3F", "%26", "%3D", "%2B", "%3B", "%2C");

    /// <summary>Random printable and unprintable text, short or very long, percent-encoded whole.</summary>
    public static readonly Gen<string> Random = Gen.Frequency(
        (4, Gen.String[Gen.Char[' ', '~'], 0, 40].Select(Uri.EscapeDataString)),
        (2, Gen.String[Gen.Char['\u0001', '\u07FF'], 0, 20].Select(Uri.EscapeDataString)),
        (1, Gen.Int[1000, 9000].Select(n => new string('A', n))),
        (1, Gen.Int[100, 400].Select(n => string.Concat(Enumerable.Repeat("%ED%A0%80", n)))));

    /// <summary>Anything hostile, with no valid value to start from.</summary>
    public static readonly Gen<string> Any = Gen.Frequency((3, Numbers), (2, Dates), (4, Nasty), (3, Random));

    /// <summary>
    /// A value near <paramref name="valid"/> (already in URL form): itself, its case changed, a trailing space or '#',
    /// a NUL, look-alike letters, a lone surrogate or a CR/LF appended, or it repeated until very long.
    /// </summary>
    public static Gen<string> Near(string valid) => Gen.OneOf<string>(
        Gen.Const(valid),
        Gen.Const(valid.ToUpperInvariant()),
        Gen.Const(valid.ToLowerInvariant()),
        Gen.OneOf("%20", "%23", "%00", "%ED%A0%80", "%0D%0A", "%2F..", ".", "%E2%80%8B", "%C2%A0", "~1")
            .Select(suffix => valid + suffix),
        Gen.OneOf("%20", "%2E%2E%2F", "%EF%BB%BF").Select(prefix => prefix + valid),
        // Cyrillic and Greek letters that look like Latin ones.
        Gen.Const(Uri.EscapeDataString(valid.Replace('E', 'Е').Replace('e', 'е').Replace('o', 'ο').Replace('a', 'а'))),
        Gen.Int[50, 600].Select(n => string.Concat(Enumerable.Repeat(valid, n))));
}
