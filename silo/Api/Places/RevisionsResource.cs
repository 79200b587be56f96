using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;

namespace Scrutiny.Silo.Api.Places;

/// <summary>Every revision of an indicator's values in a place, as the returns ledger keeps them.</summary>
public sealed record RevisionsResource(
    string Place, string Indicator, string Title, string Unit, string Polarity, string Frequency, IReadOnlyList<RevisionResource> Revisions)
{
    public static RevisionsResource From(string place, IndicatorDefinition d, IReadOnlyList<LedgerEntry> entries) =>
        new(place, d.Code, d.Title, CatalogueNames.Name(d.Unit), CatalogueNames.Name(d.Polarity), CatalogueNames.Name(d.Frequency),
            [.. entries.Select(e => new RevisionResource(e.Period, e.Agency, e.Revision, e.Numerator, e.Denominator, e.Note,
                e.BatchId, e.SubmittedBy, e.SubmittedAt))]);
}

/// <summary>One agency's value for one period at one revision: who sent it, when, in which batch.</summary>
public sealed record RevisionResource(
    string Period, string Agency, int Revision, double Numerator, double? Denominator, string? Note,
    string BatchId, string SubmittedBy, DateTimeOffset SubmittedAt);
