using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;

namespace Scrutiny.Silo.Security;

/// <summary>
/// Data protection (what signs and encrypts the sign-in cookie and antiforgery tokens) with its keys in the store
/// (<see cref="StoreKeyRepository"/>) and one application name, so that a cookie made by one node is read by every other
/// on the same database, and by the same node after a restart, whatever folder or machine each runs from.
/// </summary>
public static class SharedKeys
{
    /// <summary>
    /// Isolates Scrutiny's protected payloads from other applications' on the same key ring. Fixed: by default it is the
    /// content root, which differs from one machine or container image to another.
    /// </summary>
    public const string ApplicationName = "scrutiny";

    public static IServiceCollection AddSharedKeys(this IServiceCollection services)
    {
        services.AddSingleton<StoreKeyRepository>();
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<StoreKeyRepository>((options, keys) => options.XmlRepository = keys);
        return services;
    }
}
