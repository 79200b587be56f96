using Microsoft.AspNetCore.Components;
using Scrutiny.Dashboard.Components.Pages;
using Scrutiny.Dashboard.Presentation;
using Scrutiny.Silo.Publication;

namespace Scrutiny.Dashboard.Components.Changes;

/// <summary>
/// The entries of "what changed this month", each a sentence linking to its indicator and the figures behind it in a
/// GOV.UK details and summary list. Written out rather than templated (see <see cref="HtmlMarkup"/>): after a deadline
/// a place page lists a hundred entries of about twenty elements each, and rendering them through the component tree
/// took a third of the page's time (p50 61–63 ms with them against 39–44 without, 20 readers at once). One piece of
/// markup an entry: the whole list as one string was 98 KB, a large object for each page read.
/// </summary>
public static class WhatChangedMarkup
{
    public static RenderFragment Of(IReadOnlyList<ChangeEntry> entries, string placeCode) => builder =>
    {
        builder.AddMarkupContent(0, "<ul class=\"govuk-list govuk-list--spaced\" data-what-changed>");
        builder.AddContent(1, HtmlMarkup.Each(entries, (html, entry) => Entry(html, entry, placeCode)));
        builder.AddMarkupContent(2, "</ul>");
    };

    private static void Entry(HtmlMarkup html, ChangeEntry entry, string placeCode)
    {
        html.Raw("<li").Attribute("data-change", entry.IndicatorCode).Attribute("data-change-period", entry.Period)
            .Raw("><p class=\"govuk-body govuk-!-margin-bottom-1\"><a class=\"govuk-link\"")
            .Attribute("href", IndicatorPage.Href(placeCode, entry.IndicatorCode)).Raw(" data-change-sentence>").Text(entry.Sentence).Raw("</a>");
        if (!entry.Public)
            html.Raw(" <strong class=\"govuk-tag govuk-tag--grey\"").Attribute("data-change-unpublished", entry.Period)
                .Raw(">Not yet published</strong>");
        html.Raw("</p><details class=\"govuk-details govuk-!-margin-bottom-0\"><summary class=\"govuk-details__summary\">"
            + "<span class=\"govuk-details__summary-text\">The figures behind this: ").Text(entry.Title)
            .Raw("</span></summary><div class=\"govuk-details__text\"><dl class=\"govuk-summary-list\">");
        foreach (var fact in entry.Change.Facts) Row(html, fact.Figure, fact.Reading);
        Row(html, "New on", Dates.Moment(entry.VisibleFrom));
        html.Raw("</dl></div></details></li>");
    }

    private static void Row(HtmlMarkup html, string key, string value) =>
        html.Raw("<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">").Text(key)
            .Raw("</dt><dd class=\"govuk-summary-list__value\">").Text(value).Raw("</dd></div>");
}
