using System.Text;

namespace Scrutiny.Dashboard.Agencies;

/// <summary>
/// A return address taken from the address bar (<c>?returnUrl=</c>) made fit to send back as a Location header: a path
/// on this site, with every character a header may not hold (anything not ASCII) percent-encoded as UTF-8, or null
/// when it is not a local path or holds what no address should (control characters, a lone surrogate). Kestrel refuses
/// a header with a non-ASCII or control character by throwing, which would end the sign-in in a 500 without a session.
/// </summary>
public static class LocalReturnUrl
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string? From(string? returnUrl)
    {
        // "//host" and "/\host" are other sites to a browser.
        if (string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//", StringComparison.Ordinal)
            || returnUrl.StartsWith("/\\", StringComparison.Ordinal))
            return null;
        if (!IsWholeText(returnUrl)) return null;
        var encoded = new StringBuilder(returnUrl.Length);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in returnUrl.EnumerateRunes())
        {
            if (Rune.IsControl(rune)) return null;
            if (rune.IsAscii && rune.Value != ' ')
            {
                encoded.Append((char)rune.Value);
                continue;
            }
            foreach (var b in utf8[..rune.EncodeToUtf8(utf8)]) encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return encoded.ToString();
    }

    // A lone surrogate has no UTF-8 to percent-encode.
    private static bool IsWholeText(string text)
    {
        try
        {
            StrictUtf8.GetByteCount(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }
}
