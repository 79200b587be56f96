using System.Text;
using System.Text.Encodings.Web;

namespace Scrutiny.Silo.Email;

/// <summary>
/// An email's two bodies from one set of words: plain text, and simple accessible HTML (a language, one heading,
/// paragraphs, a list if any, and a link that says where it goes; no images, no tracking, no styles beyond a readable font).
/// </summary>
public static class EmailBody
{
    /// <summary>
    /// <paramref name="greetingName"/>: null for a resident, whose name is not known. <paramref name="footerLink"/>: a
    /// link under <paramref name="why"/>, such as the one that ends a resident's subscription.
    /// </summary>
    public static (string Text, string Html) Compose(string heading, string? greetingName, IReadOnlyList<string> paragraphs, string linkText, string link,
        string why, IReadOnlyList<string>? list = null, (string Text, string Link)? footerLink = null)
    {
        var text = new StringBuilder();
        if (greetingName is not null) text.Append("Dear ").Append(greetingName).Append(",\n\n");
        foreach (var p in paragraphs) text.Append(p).Append("\n\n");
        if (list is { Count: > 0 })
        {
            foreach (var item in list) text.Append("* ").Append(item).Append('\n');
            text.Append('\n');
        }
        text.Append(linkText).Append(":\n").Append(link).Append("\n\n");
        text.Append("---\n").Append(why).Append('\n');
        if (footerLink is { } footer) text.Append(footer.Text).Append(":\n").Append(footer.Link).Append('\n');

        var e = HtmlEncoder.Default;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(e.Encode(heading)).Append("</title>\n</head>\n");
        html.Append("<body style=\"font-family: Arial, sans-serif; font-size: 19px; line-height: 1.5; color: #0b0c0c; background: #ffffff;\">\n");
        html.Append("<h1 style=\"font-size: 27px;\">").Append(e.Encode(heading)).Append("</h1>\n");
        if (greetingName is not null) html.Append("<p>Dear ").Append(e.Encode(greetingName)).Append(",</p>\n");
        foreach (var p in paragraphs) html.Append("<p>").Append(e.Encode(p)).Append("</p>\n");
        if (list is { Count: > 0 })
        {
            html.Append("<ul>\n");
            foreach (var item in list) html.Append("<li>").Append(e.Encode(item)).Append("</li>\n");
            html.Append("</ul>\n");
        }
        html.Append("<p><a href=\"").Append(e.Encode(link)).Append("\" style=\"color: #1d70b8;\">").Append(e.Encode(linkText)).Append("</a></p>\n");
        html.Append("<hr>\n<p style=\"font-size: 16px;\">").Append(e.Encode(why)).Append("</p>\n");
        if (footerLink is { } anchor)
            html.Append("<p style=\"font-size: 16px;\"><a href=\"").Append(e.Encode(anchor.Link)).Append("\" style=\"color: #1d70b8;\">").Append(e.Encode(anchor.Text)).Append("</a></p>\n");
        html.Append("</body>\n</html>\n");
        return (text.ToString(), html.ToString());
    }

    /// <summary>A subject line: one line, whatever the text it is made from held.</summary>
    public static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
