using System.Text;
using System.Text.Encodings.Web;

namespace Scrutiny.Silo.Email;

/// <summary>
/// An email's two bodies from one set of words: plain text, and simple accessible HTML (a language, one h1, sections
/// with h2 and h3 headings, paragraphs, lists, and links that say where they go; no images, no tracking, no styles
/// beyond a readable font).
/// </summary>
public static class EmailBody
{
    /// <summary>
    /// An email of one part: paragraphs, a list if any, and one link. <paramref name="greetingName"/>: null for someone
    /// whose name is not known. <paramref name="footerLink"/>: a link under <paramref name="why"/>.
    /// </summary>
    public static (string Text, string Html) Compose(string heading, string? greetingName, IReadOnlyList<string> paragraphs, string linkText, string link,
        string why, IReadOnlyList<string>? list = null, (string Text, string Link)? footerLink = null) =>
        Compose(heading, greetingName, [EmailSection.Single(paragraphs, list, new EmailLink(linkText, link))], why,
            footerLink is { } f ? new EmailLink(f.Text, f.Link) : null);

    /// <summary>
    /// Both bodies: the greeting (none when <paramref name="greetingName"/> is null), then each section in order, then the
    /// footer saying why the person gets the email (<paramref name="why"/>) and <paramref name="footerLink"/> if any. A
    /// reminder is one section without a heading; the weekly digest has one a committee or board, each with its parts.
    /// </summary>
    public static (string Text, string Html) Compose(string heading, string? greetingName, IReadOnlyList<EmailSection> sections, string why,
        EmailLink? footerLink = null)
    {
        var text = new StringBuilder();
        if (greetingName is not null) text.Append("Dear ").Append(greetingName).Append(",\n\n");
        foreach (var s in sections)
        {
            if (s.Heading is { } h)
                text.Append(h).Append('\n').Append(s.Level <= 2 ? '=' : '-', h.Length).Append("\n\n");
            foreach (var p in s.Paragraphs) text.Append(p).Append("\n\n");
            if (s.Items.Count > 0)
            {
                foreach (var item in s.Items)
                {
                    text.Append("* ").Append(item.Text).Append('\n');
                    if (item.Link is { } l) text.Append("  ").Append(l).Append('\n');
                }
                text.Append('\n');
            }
            if (s.Link is { } link) text.Append(link.Text).Append(":\n").Append(link.Address).Append("\n\n");
        }
        text.Append("---\n").Append(why).Append('\n');
        if (footerLink is { } footer) text.Append(footer.Text).Append(":\n").Append(footer.Address).Append('\n');

        var e = HtmlEncoder.Default;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(e.Encode(heading)).Append("</title>\n</head>\n");
        html.Append("<body style=\"font-family: Arial, sans-serif; font-size: 19px; line-height: 1.5; color: #0b0c0c; background: #ffffff;\">\n");
        html.Append("<h1 style=\"font-size: 27px;\">").Append(e.Encode(heading)).Append("</h1>\n");
        if (greetingName is not null) html.Append("<p>Dear ").Append(e.Encode(greetingName)).Append(",</p>\n");
        foreach (var s in sections)
        {
            if (s.Heading is { } h)
                html.Append(s.Level <= 2 ? "<h2 style=\"font-size: 24px;\">" : "<h3 style=\"font-size: 19px;\">").Append(e.Encode(h))
                    .Append(s.Level <= 2 ? "</h2>\n" : "</h3>\n");
            foreach (var p in s.Paragraphs) html.Append("<p>").Append(e.Encode(p)).Append("</p>\n");
            if (s.Items.Count > 0)
            {
                html.Append("<ul>\n");
                foreach (var item in s.Items)
                    html.Append("<li>").Append(item.Link is { } l ? Anchor(e, l, item.Text) : e.Encode(item.Text)).Append("</li>\n");
                html.Append("</ul>\n");
            }
            if (s.Link is { } link) html.Append("<p>").Append(Anchor(e, link.Address, link.Text)).Append("</p>\n");
        }
        html.Append("<hr>\n<p style=\"font-size: 16px;\">").Append(e.Encode(why)).Append("</p>\n");
        if (footerLink is { } anchor) html.Append("<p style=\"font-size: 16px;\">").Append(Anchor(e, anchor.Address, anchor.Text)).Append("</p>\n");
        html.Append("</body>\n</html>\n");
        return (text.ToString(), html.ToString());
    }

    /// <summary>A subject line: one line, whatever the text it is made from held.</summary>
    public static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    private static string Anchor(HtmlEncoder e, string address, string words) =>
        $"<a href=\"{e.Encode(address)}\" style=\"color: #1d70b8;\">{e.Encode(words)}</a>";
}
