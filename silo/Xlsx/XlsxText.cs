using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Scrutiny.Silo.Xlsx;

/// <summary>
/// Text as a cell of a workbook may hold it. XML cannot carry most control characters (a note pasted from another
/// system may hold one, a query string may be made of them), and writing one would fail the whole download: OOXML's
/// own escape, <c>_xHHHH_</c> (ECMA-376 ST_Xstring), carries them, and Excel shows the character. Text that already
/// looks like that escape has its underscore escaped, so that it reads back as typed. A lone surrogate, which no
/// escape can carry, becomes U+FFFD.
/// </summary>
public static partial class XlsxText
{
    public static string Encode(string text)
    {
        if (!NeedsEncoding(text)) return text;
        var escaped = LooksEscaped().Replace(text, "_x005F_x");
        var encoded = new StringBuilder(escaped.Length + 16);
        for (var i = 0; i < escaped.Length; i++)
        {
            var c = escaped[i];
            if (char.IsHighSurrogate(c) && i + 1 < escaped.Length && char.IsLowSurrogate(escaped[i + 1]))
                encoded.Append(c).Append(escaped[++i]);
            else if (char.IsSurrogate(c))
                encoded.Append('\uFFFD');
            else if (IsXmlChar(c))
                encoded.Append(c);
            else
                encoded.Append("_x").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append('_');
        }
        return encoded.ToString();
    }

    private static bool NeedsEncoding(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c) || !IsXmlChar(c)) return true;
        }
        return text.Contains("_x", StringComparison.Ordinal) && LooksEscaped().IsMatch(text);
    }

    // XML 1.0's Char production, less the surrogates handled above.
    private static bool IsXmlChar(char c) => c is '\t' or '\n' or '\r' || (c >= 0x20 && c != '\uFFFE' && c != '\uFFFF');

    [GeneratedRegex("_x(?=[0-9A-Fa-f]{4}_)")]
    private static partial Regex LooksEscaped();
}
