using System.Net;
using System.ServiceModel.Syndication;
using System.Text.RegularExpressions;
using System.Xml;

namespace Scrutiny.Dashboard.Tests.Feeds;

/// <summary>Reads a feed as a feed reader does (System.ServiceModel.Syndication's Atom 1.0 reader), and a page's links to it.</summary>
public static partial class AtomFeeds
{
    public static async Task<(SyndicationFeed Feed, HttpResponseMessage Response)> ReadAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        await using var body = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        using var xml = XmlReader.Create(body, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        var formatter = new Atom10FeedFormatter();
        Assert.True(formatter.CanRead(xml), $"{path} is not an Atom 1.0 feed");
        formatter.ReadFrom(xml);
        return (formatter.Feed, response);
    }

    /// <summary>The entry whose id ends with <paramref name="suffix"/> (a page's path and the event's fragment).</summary>
    public static SyndicationItem Entry(SyndicationFeed feed, string suffix) =>
        Assert.Single(feed.Items, i => i.Id.EndsWith(suffix, StringComparison.Ordinal));

    /// <summary>The page's head announces the feed, and its body offers it by name.</summary>
    public static void AssertLinked(string html, string feedPath)
    {
        // Blazor writes the + of the type as &#x2B;: read the markup as a browser does.
        html = WebUtility.HtmlDecode(html);
        var head = html[..html.IndexOf("</head>", StringComparison.Ordinal)];
        Assert.Contains($"<link rel=\"alternate\" type=\"application/atom+xml\"", head);
        Assert.Matches(AlternateLink(feedPath), head);
        Assert.Contains($"href=\"{feedPath}\" type=\"application/atom+xml\" data-feed>Subscribe to this page's feed</a>", html);
    }

    private static Regex AlternateLink(string feedPath) =>
        new($"<link rel=\"alternate\" type=\"application/atom\\+xml\" title=\"[^\"]+\" href=\"{Regex.Escape(feedPath)}\" />");

    /// <summary>The page's JSON-LD data blocks.</summary>
    public static IReadOnlyList<string> JsonLd(string html) =>
        [.. JsonLdBlock().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLdBlock();
}
