using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Silo.Security;
using Scrutiny.Silo.Store;
using Scrutiny.Tests.Infrastructure;

namespace Scrutiny.Silo.Tests.Reliability;

/// <summary>What a crash test's node process starts on: the minimal catalogue (and what the test adds) and MFT's key.</summary>
public static class CrashDatabase
{
    /// <returns>An API key of MFT's.</returns>
    public static async Task<string> PrepareAsync(TestDatabase database, Func<CatalogueWriter, Task>? more = null)
    {
        await using var setup = await TestSilo.StartAsync(database);
        await setup.SeedMinimalCatalogueAsync();
        if (more is not null) await more(setup.CatalogueWriter);
        return await setup.Services.GetRequiredService<ApiKeyStore>().CreateAsync("MFT", isAdmin: false);
    }
}
