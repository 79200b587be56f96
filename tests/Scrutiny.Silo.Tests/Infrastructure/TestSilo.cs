using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Runtime;
using Scrutiny.Silo.Hosting;
using Scrutiny.Silo.Store;

namespace Scrutiny.Tests.Infrastructure;

/// <summary>
/// A real silo node (store, runtime, change feed) on a test database, started as the dashboard starts it. Two
/// TestSilos over one TestDatabase are two nodes.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private TestSilo(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;
    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();
    public GrainRuntime Runtime => Services.GetRequiredService<GrainRuntime>();
    public SqlCatalogue Catalogue => Services.GetRequiredService<SqlCatalogue>();
    public CatalogueWriter CatalogueWriter => Services.GetRequiredService<CatalogueWriter>();
    public Database Database => Services.GetRequiredService<Database>();

    public static async Task<TestSilo> StartAsync(TestDatabase database, IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{StoreOptions.ConnectionStringName}"] = database.ConnectionString,
            ["Scrutiny:Silo:SeedDemoWhenNew"] = "false",
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.AddScrutinySilo();
        var host = builder.Build();
        await host.StartAsync();
        return new TestSilo(host);
    }

    /// <summary>A small catalogue: Greater Manchester, two boroughs, three indicators, two agencies on one board.</summary>
    public async Task SeedMinimalCatalogueAsync()
    {
        await CatalogueWriter.UpsertPlacesAsync([
            new Place("E92000001", "England", "country", null),
            new Place("E47000001", "Greater Manchester", "combined_authority", "E92000001"),
            new Place("E08000003", "Manchester", "metropolitan_borough", "E47000001"),
            new Place("E08000009", "Trafford", "metropolitan_borough", "E47000001"),
        ]);
        await CatalogueWriter.UpsertIndicatorsAsync([
            new IndicatorDefinition("emergency-admissions-65plus", "Emergency hospital admissions of people aged 65 and over",
                "health_and_care", IndicatorUnit.RatePer100000, Polarity.LowerIsBetter, Frequency.Monthly, CombineMethod.SumNumeratorsAndDenominators),
            new IndicatorDefinition("delayed-discharge-days", "Days people spent in hospital after they were ready to leave",
                "health_and_care", IndicatorUnit.Count, Polarity.LowerIsBetter, Frequency.Monthly, CombineMethod.Sum),
            new IndicatorDefinition("still-at-home-91-days", "Older people still at home 91 days after discharge into reablement",
                "health_and_care", IndicatorUnit.Percentage, Polarity.HigherIsBetter, Frequency.Quarterly, CombineMethod.SumNumeratorsAndDenominators),
        ]);
        await CatalogueWriter.UpsertAgenciesAsync([
            new Agency("MCC", "Manchester City Council", "local_government"),
            new Agency("MFT", "Manchester University NHS Foundation Trust", "health"),
        ]);
        await CatalogueWriter.UpsertBoardAsync(new PartnershipBoard("manchester-hwb", "Manchester Health and Wellbeing Board", "E08000003", ["MCC", "MFT"]));
        foreach (var agency in new[] { "MCC", "MFT" })
            await CatalogueWriter.AssignIndicatorsAsync(agency, ["emergency-admissions-65plus", "delayed-discharge-days", "still-at-home-91-days"]);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        // The container holds async-only disposables (the change feed, the PostgreSQL data source).
        if (_host is IAsyncDisposable disposable) await disposable.DisposeAsync();
        else _host.Dispose();
    }
}
