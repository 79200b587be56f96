using Microsoft.Extensions.Diagnostics.HealthChecks;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Hosting;

/// <summary>Ready when the store answers and its schema is current.</summary>
public sealed class StoreHealthCheck(SchemaMigrator migrator) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var version = await migrator.CurrentVersionAsync(cancellationToken);
            var latest = SchemaMigrator.Scripts[^1].Version;
            return version == latest
                ? HealthCheckResult.Healthy($"Schema version {version}.")
                : HealthCheckResult.Unhealthy($"Schema at version {version}, expected {latest}.");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("The store does not answer.", ex);
        }
    }
}
