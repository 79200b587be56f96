using System.Text;

namespace Scrutiny.Dashboard.Tests.HostileInput;

/// <summary>
/// A request body as text, which may hold lone surrogates: they are sent as the three bytes a careless encoder
/// writes (U+D800 as ED A0 80), which no valid UTF-8 holds, rather than the replacement character .NET would send.
/// <see cref="AntiforgeryToken"/> in the text is replaced by the caller's real token when sent.
/// </summary>
public sealed record FuzzBody(string? ContentType, string Text)
{
    public const string AntiforgeryToken = "{{antiforgery}}";

    public byte[] Bytes(string? token)
    {
        var text = token is null ? Text : Text.Replace(AntiforgeryToken, Uri.EscapeDataString(token), StringComparison.Ordinal);
        var bytes = new List<byte>(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text.Substring(i++, 2)));
            }
            else if (char.IsSurrogate(c))
            {
                bytes.Add((byte)(0xE0 | (c >> 12)));
                bytes.Add((byte)(0x80 | ((c >> 6) & 0x3F)));
                bytes.Add((byte)(0x80 | (c & 0x3F)));
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }
        return [.. bytes];
    }

    /// <summary>For a report: the start of the body, its lone surrogates and control characters made visible.</summary>
    public override string ToString()
    {
        var shown = new StringBuilder();
        foreach (var c in Text.Length > 600 ? Text[..600] : Text)
            shown.Append(char.IsSurrogate(c) || (char.IsControl(c) && c is not '\n') ? $"\\u{(int)c:X4}" : c.ToString());
        return $"Content-Type: {ContentType ?? "(none)"}\n{shown}{(Text.Length > 600 ? $"… ({Text.Length} characters)" : "")}";
    }
}
