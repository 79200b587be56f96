using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Returns;

public static class IndicatorFrequencies
{
    /// <summary>Each indicator's frequency, by code: what a date in a workbook's period column needs to become a period.</summary>
    public static async Task<IReadOnlyDictionary<string, Frequency>> FrequenciesAsync(this ICatalogueReader catalogue, CancellationToken cancellationToken) =>
        (await catalogue.ListIndicatorsAsync(cancellationToken)).ToDictionary(i => i.Code, i => i.Frequency, StringComparer.Ordinal);
}
