using System.Globalization;
using System.Text;
using Scrutiny.Silo.Security;

namespace Scrutiny.Silo.Hosting;

/// <summary><c>api-key list</c>'s table: one key a line, by prefix, never the secret.</summary>
public static class ApiKeyListing
{
    public static string Format(IReadOnlyList<ApiKeySummary> keys, DateTimeOffset now)
    {
        if (keys.Count == 0) return "No keys.";
        string[] header = ["prefix", "for", "label", "created", "expires", "last used", "state"];
        var rows = keys.Select(k => new[]
        {
            k.Prefix, k.IsAdmin ? "administrator" : k.AgencyCode ?? "", k.Label ?? "", Time(k.CreatedAt), Time(k.ExpiresAt) ?? "never",
            Time(k.LastUsedAt) ?? "never",
            k.StateAt(now) switch
            {
                ApiKeyState.Revoked => $"revoked {Time(k.RevokedAt)} by {k.RevokedBy}",
                ApiKeyState.Expired => "expired",
                _ => "active",
            },
        }).ToList();
        var widths = header.Select((h, i) => rows.Max(r => r[i].Length) is var w && w > h.Length ? w : h.Length).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(header))
            text.AppendLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        return text.ToString().TrimEnd();
    }

    private static string? Time(DateTimeOffset? value) => value is { } v ? Time(v) : null;

    private static string Time(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
