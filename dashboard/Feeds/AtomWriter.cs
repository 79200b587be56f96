using System.Globalization;
using System.Text;
using System.Xml;

namespace Scrutiny.Dashboard.Feeds;

/// <summary>
/// Writes a <see cref="Feed"/> as an Atom document (RFC 4287): the feed's id, title, updated, author, self and alternate
/// links; each entry's id, title, published, updated, alternate link and a plain-text summary. Ids and links are the
/// absolute addresses of the pages on <paramref name="origin"/> (the request's scheme and host, the client's behind a
/// known proxy), so that an entry's id is the address of what it reports.
/// </summary>
public static class AtomWriter
{
    public const string Namespace = "http://www.w3.org/2005/Atom";
    public const string ContentType = "application/atom+xml; charset=utf-8";

    /// <param name="now">The time: an empty feed is as new as the start of its day.</param>
    public static byte[] Write(Feed feed, string origin, DateTimeOffset now)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Namespace);
            xml.WriteElementString("id", Namespace, XmlSafe(origin + feed.PagePath));
            Text(xml, "title", feed.Title);
            // An empty feed is as new as today: Atom requires the element, and a fixed day keeps its ETag for the day.
            var updated = feed.Entries.Count > 0 ? feed.Entries.Max(e => e.Updated) : new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
            xml.WriteElementString("updated", Namespace, Instant(updated));
            Link(xml, "self", origin + feed.FeedPath, "application/atom+xml");
            Link(xml, "alternate", origin + feed.PagePath, "text/html");
            xml.WriteStartElement("author", Namespace);
            Text(xml, "name", feed.Author);
            xml.WriteEndElement();
            foreach (var entry in feed.Entries)
            {
                xml.WriteStartElement("entry", Namespace);
                xml.WriteElementString("id", Namespace, XmlSafe($"{origin}{entry.PagePath}#{entry.Fragment}"));
                Text(xml, "title", entry.Title);
                xml.WriteElementString("published", Namespace, Instant(entry.Published));
                xml.WriteElementString("updated", Namespace, Instant(entry.Updated));
                Link(xml, "alternate", origin + entry.PagePath, "text/html");
                Text(xml, "summary", entry.Summary);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return buffer.ToArray();
    }

    private static void Text(XmlWriter xml, string element, string text)
    {
        xml.WriteStartElement(element, Namespace);
        xml.WriteAttributeString("type", "text");
        xml.WriteString(XmlSafe(text));
        xml.WriteEndElement();
    }

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", Namespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", XmlSafe(href));
        xml.WriteEndElement();
    }

    /// <summary>RFC 3339, in UTC, to the second.</summary>
    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// The text without the characters XML 1.0 cannot hold (most control characters, a lone surrogate): a committee's
    /// text may hold one, and the writer would otherwise refuse the whole feed.
    /// </summary>
    public static string XmlSafe(string text)
    {
        if (text.All(XmlConvert.IsXmlChar)) return text;
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) kept.Append(text[i]);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) kept.Append(text, i++, 2);
        }
        return kept.ToString();
    }
}
