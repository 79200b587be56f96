using Scrutiny.Grains.Catalogue;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Store;

public sealed class ScheduleStoreTests
{
    [Theory, ClassData(typeof(Engines))]
    public async Task Schedules_default_to_thirty_days_and_never_locked_and_can_be_set(StoreEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var silo = await TestSilo.StartAsync(database);
        await silo.SeedMinimalCatalogueAsync();

        await silo.CatalogueWriter.SetScheduleAsync(new IndicatorSchedule("delayed-discharge-days", 20, 15, 1000));

        var schedules = (await silo.Catalogue.ListSchedulesAsync()).ToDictionary(s => s.Code);
        Assert.Equal(new IndicatorSchedule("delayed-discharge-days", 20, 15, 1000), schedules["delayed-discharge-days"]);
        Assert.Equal(new IndicatorSchedule("emergency-admissions-65plus", IndicatorSchedule.DefaultDueDays, null, null),
            schedules["emergency-admissions-65plus"]);
    }
}
