using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;

namespace Scrutiny.Silo.Api.Places;

/// <summary>An indicator's series in a place as the API shows it: names as the catalogue writes them.</summary>
public sealed record SeriesResource(
    string Place, string Indicator, string Title, string Unit, string Polarity, string Frequency, string Combine,
    IReadOnlyList<SeriesPointResource> Points)
{
    public static SeriesResource From(IndicatorSeries series)
    {
        var d = series.Indicator;
        return new SeriesResource(series.Place, d.Code, d.Title, CatalogueNames.Name(d.Unit), CatalogueNames.Name(d.Polarity),
            CatalogueNames.Name(d.Frequency), CatalogueNames.Name(d.Combine),
            [.. series.Points.Select(p => new SeriesPointResource(p.Period, p.Value, p.Numerator, p.Denominator,
                [.. p.Contributions.Select(c => new ContributionResource(c.Agency, c.Numerator, c.Denominator, c.Revision, c.SubmittedAt, c.Note))]))]);
    }
}

public sealed record SeriesPointResource(
    string Period, double? Value, double Numerator, double? Denominator, IReadOnlyList<ContributionResource> Contributions);

/// <summary>One agency's current value for a period and the revision it is at.</summary>
public sealed record ContributionResource(
    string Agency, double Numerator, double? Denominator, int Revision, DateTimeOffset SubmittedAt, string? Note);
