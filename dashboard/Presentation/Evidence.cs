namespace Scrutiny.Dashboard.Presentation;

/// <summary>An update's evidence: a document's address, made a link only when it is a web address (never javascript: and the like).</summary>
public static class Evidence
{
    public static bool IsLink(string? evidence) =>
        Uri.TryCreate(evidence, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
