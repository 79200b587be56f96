using System.Text;

namespace Scrutiny.Dashboard.Tests.HostileInput;

/// <summary>
/// One generated request, in the form it travels (path and query already percent-encoded), so that a report shows
/// exactly what was sent and a person can send it again with curl.
/// </summary>
public sealed record FuzzRequest(
    int Case, FuzzCaller Caller, string Method, EndpointShape Endpoint, string Path,
    IReadOnlyList<(string Name, string Value)> Query, IReadOnlyList<(string Name, string Value)> Headers, FuzzBody? Body)
{
    public string PathAndQuery => Query.Count == 0 ? Path : Path + "?" + string.Join("&", Query.Select(q => $"{q.Name}={q.Value}"));

    /// <summary>True when the request itself carries <paramref name="text"/>, which an answer may then fairly echo.</summary>
    public bool Carries(string text) =>
        Uri.UnescapeDataString(PathAndQuery).Contains(text, StringComparison.Ordinal)
        || Headers.Any(h => h.Value.Contains(text, StringComparison.Ordinal))
        || (Body?.Text.Contains(text, StringComparison.Ordinal) ?? false);

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append($"case {Case} as {Caller}, endpoint {Endpoint}\n{Method} {Shorten(PathAndQuery)}\n");
        foreach (var (name, value) in Headers) text.Append($"{name}: {Shorten(value)}\n");
        if (Body is not null) text.Append(Body).Append('\n');
        return text.ToString();
    }

    private static string Shorten(string value) => value.Length <= 300 ? value : $"{value[..300]}… ({value.Length} characters)";
}
