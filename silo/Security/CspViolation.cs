using System.Text.Json;

namespace Scrutiny.Silo.Security;

/// <summary>What a browser says its Content-Security-Policy blocked: the directive, what was blocked, and on which page.</summary>
public sealed record CspViolation(string Directive, string BlockedUri, string DocumentUri)
{
    /// <summary>How much of each field is kept: enough to recognise a script or a page, not a page of someone's text.</summary>
    public const int MaxFieldLength = 300;

    /// <summary>
    /// The violations in a report: <c>application/csp-report</c> (the <c>report-uri</c> form,
    /// <c>{"csp-report": {...}}</c>) or <c>application/reports+json</c> (the Reporting API's list, where only the
    /// <c>csp-violation</c> entries are ours). Null when the body is not such JSON, with <paramref name="notText"/>
    /// naming the field when the JSON is well formed but a string in it is no text (a lone surrogate, <c>"\ud800"</c>).
    /// </summary>
    public static IReadOnlyList<CspViolation>? Read(ReadOnlySpan<byte> body, bool reportingApi, out string? notText)
    {
        notText = null;
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            var root = document.RootElement;
            if (!reportingApi)
                return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("csp-report", out var report) && report.ValueKind == JsonValueKind.Object
                    ? [new(Text(report, "effective-directive", "violated-directive"), Text(report, "blocked-uri"), Text(report, "document-uri"))]
                    : null;
            if (root.ValueKind != JsonValueKind.Array) return null;
            return [.. root.EnumerateArray()
                .Where(entry => entry.ValueKind == JsonValueKind.Object && Text(entry, "type") == "csp-violation"
                    && entry.TryGetProperty("body", out var inner) && inner.ValueKind == JsonValueKind.Object)
                .Select(entry => entry.GetProperty("body"))
                .Select(inner => new CspViolation(Text(inner, "effectiveDirective"), Text(inner, "blockedURL"), Text(inner, "documentURL")))];
        }
        catch (JsonException)
        {
            return null;
        }
        catch (NotTextException e)
        {
            notText = e.Field;
            return null;
        }
    }

    private sealed class NotTextException(string field) : Exception(field)
    {
        public string Field { get; } = field;
    }

    // The first of the names present as a string, cut short and without control characters (so that a report cannot
    // write lines of its own into a plain-text log).
    private static string Text(JsonElement element, params string[] names)
    {
        foreach (var name in names)
            if (element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
            {
                // JSON may escape half a surrogate pair, which no .NET string holds: GetString throws rather than answer.
                string whole;
                try { whole = value.GetString()!; }
                catch (InvalidOperationException) { throw new NotTextException(name); }
                var text = new string([.. whole.Where(c => !char.IsControl(c))]);
                return text.Length > MaxFieldLength ? text[..MaxFieldLength] + "…" : text;
            }
        return "";
    }
}
