using Scrutiny.Grains.Benefits;
using Scrutiny.Grains.Catalogue;

namespace Scrutiny.Dashboard.Presentation;

/// <summary>What a unit cost counts as, in the words of the Greater Manchester method that the catalogue's kinds follow.</summary>
public static class BenefitKinds
{
    public static string Name(BenefitKind kind) => kind switch
    {
        BenefitKind.FiscalCashable => "Fiscal, cashable",
        BenefitKind.FiscalNonCashable => "Fiscal, non-cashable",
        _ => Labels.Humanise(CatalogueNames.Name(kind)),
    };

    public static string Hint(BenefitKind kind) => kind switch
    {
        BenefitKind.FiscalCashable => "A saving to a public budget that can be taken out, such as a placement no longer bought",
        BenefitKind.FiscalNonCashable => "Frees a public service's capacity for other work, such as a hospital bed day, but saves no money",
        BenefitKind.Economic => "A gain to the economy, such as higher earnings when someone moves into work",
        _ => "A gain to people's wellbeing and to society, such as a life lived free of crime",
    };
}
