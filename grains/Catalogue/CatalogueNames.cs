using System.Text;
using System.Text.Json;

namespace Scrutiny.Grains.Catalogue;

/// <summary>
/// The catalogue's snake_case names for enum values (<c>rate_per_100000</c> ↔ <see cref="IndicatorUnit.RatePer100000"/>),
/// used alike by CSV files, the database, JSON and the pages.
/// </summary>
public static class CatalogueNames
{
    public static string Name<T>(T value) where T : struct, Enum => ToSnake(value.ToString());

    /// <summary>The name of <paramref name="value"/>, or null when there is none (an icon a chart cannot give yet).</summary>
    public static string? NameOrNull<T>(T? value) where T : struct, Enum => value is { } v ? Name(v) : null;

    public static bool TryParse<T>(string? name, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(name)) return false;
        var pascal = string.Concat(name.Trim().Split('_').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
        return Enum.TryParse(pascal, ignoreCase: false, out value) && Enum.IsDefined(value) && ToSnake(value.ToString()) == name.Trim();
    }

    public static T Parse<T>(string name) where T : struct, Enum =>
        TryParse<T>(name, out var value) ? value : throw new FormatException($"'{name}' is not a {typeof(T).Name} name.");

    /// <summary>The names of every value, for messages such as "must be one of …".</summary>
    public static IReadOnlyList<string> Names<T>() where T : struct, Enum => [.. Enum.GetValues<T>().Select(Name)];

    /// <summary>PascalCase to snake_case; a run of digits is a word of its own.</summary>
    public static string ToSnake(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            var boundary = i > 0 && (char.IsUpper(c) || (char.IsDigit(c) && !char.IsDigit(pascal[i - 1])));
            if (boundary) sb.Append('_');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>The same names for System.Text.Json's enum converter.</summary>
    public sealed class JsonPolicy : JsonNamingPolicy
    {
        public override string ConvertName(string name) => ToSnake(name);
    }
}
