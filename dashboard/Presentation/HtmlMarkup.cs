using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;

namespace Scrutiny.Dashboard.Presentation;

/// <summary>
/// Markup written out rather than templated, for the lists a page shows by the hundred (a scorecard's rows, a place's
/// "what changed"). Through the component tree each element, attribute and text of such a list becomes its own frame
/// and its own piece of the response buffer: the place page's 100 rows were 240 KB written in tens of thousands of
/// pieces, which with 20 readers at once was a gigabyte of buffers to collect in a few seconds. Each item here is one
/// string, small enough to stay out of the large object heap. Every value goes through <see cref="Text"/> or
/// <see cref="Attribute"/>, the encoder Razor's renderer uses.
/// </summary>
public sealed class HtmlMarkup
{
    private readonly StringBuilder _html = new();
    private readonly StringWriter _writer;

    private HtmlMarkup() => _writer = new StringWriter(_html);

    /// <summary>One markup frame for each item, written by <paramref name="write"/>.</summary>
    public static RenderFragment Each<T>(IEnumerable<T> items, Action<HtmlMarkup, T> write) => builder =>
    {
        var markup = new HtmlMarkup();
        foreach (var item in items)
        {
            write(markup, item);
            builder.AddMarkupContent(0, markup.Take());
        }
    };

    /// <summary>One markup frame written by <paramref name="write"/>.</summary>
    public static RenderFragment One(Action<HtmlMarkup> write) => builder =>
    {
        var markup = new HtmlMarkup();
        write(markup);
        builder.AddMarkupContent(0, markup.Take());
    };

    /// <summary>Markup as it is: only ever literals of the calling code, never a value.</summary>
    public HtmlMarkup Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    /// <summary>A value as text between tags.</summary>
    public HtmlMarkup Text(string? value)
    {
        if (value is not null) HtmlEncoder.Default.Encode(_writer, value);
        return this;
    }

    /// <summary>A space and <c>name="value"</c>; nothing when the value is null, as Razor leaves such an attribute out.</summary>
    public HtmlMarkup Attribute(string name, string? value)
    {
        if (value is null) return this;
        _html.Append(' ').Append(name).Append("=\"");
        HtmlEncoder.Default.Encode(_writer, value);
        _html.Append('"');
        return this;
    }

    /// <summary>A GOV.UK tag of one of the statistics' verdicts: its words, its catalogue name in data-value.</summary>
    public HtmlMarkup StatisticTag((string Text, string Colour) tag, string statistic, string value) =>
        Raw("<strong").Attribute("class", $"govuk-tag govuk-tag--{tag.Colour}").Attribute("data-statistic", statistic)
            .Attribute("data-value", value).Raw(">").Text(tag.Text).Raw("</strong>");

    private string Take()
    {
        var markup = _html.ToString();
        _html.Clear();
        return markup;
    }
}
