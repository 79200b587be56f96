using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Silo.Verification;

namespace Scrutiny.Silo.Hosting;

/// <summary><c>silo verify</c>: prints each difference between the aggregates and the ledger, one a line; exit 1 if any.</summary>
public static class VerifyCommand
{
    public static async Task<int> RunAsync(IServiceProvider services)
    {
        var found = await services.GetRequiredService<StoreVerifier>().VerifyAsync();
        foreach (var discrepancy in found) Console.WriteLine(discrepancy);
        Console.WriteLine(found.Count == 0
            ? "Verified: every aggregate agrees with the ledger and the records."
            : $"{found.Count} difference(s) between the aggregates and the ledger or records.");
        return found.Count == 0 ? 0 : 1;
    }
}
