namespace Scrutiny.Grains.Catalogue;

/// <summary>How often an indicator is returned; the names are those of the catalogue (<c>financial_quarter</c>).</summary>
[GenerateSerializer]
public enum Frequency
{
    Monthly,
    Quarterly,
    Annual,
    FinancialYear,
    FinancialQuarter,
}
