using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Security;

/// <summary>
/// The data-protection key ring in the store's <c>data_protection_keys</c> table (migration 0011), so that every node on
/// one database signs and reads the same cookies and antiforgery tokens, and they outlive a restart. Each element is kept
/// as the data-protection system hands it over: no encryptor is configured, so a key's material is in its XML as is.
/// </summary>
public sealed class StoreKeyRepository(Database database, TimeProvider time) : IXmlRepository
{
    // The interface is synchronous. Data protection calls it rarely (at start-up, on a key it has not seen, and about once
    // a day), and no synchronization context is waited on in ASP.NET Core, so waiting on the store's async calls is safe.
    public IReadOnlyCollection<XElement> GetAllElements() => ReadAsync().GetAwaiter().GetResult();

    public void StoreElement(XElement element, string friendlyName) => WriteAsync(element, friendlyName).GetAwaiter().GetResult();

    private async Task<IReadOnlyCollection<XElement>> ReadAsync()
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<string>("SELECT xml FROM data_protection_keys ORDER BY created_at, name");
        return [.. rows.Select(xml => XElement.Parse(xml))];
    }

    private async Task WriteAsync(XElement element, string friendlyName)
    {
        // A key's name (key-{id}) is unique, and two nodes never make the same key; a revocation's name is a time, which
        // two nodes could share, so it is made unique.
        var name = friendlyName.StartsWith("key-", StringComparison.Ordinal) ? friendlyName : $"{friendlyName}-{Guid.NewGuid():N}";
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            "INSERT INTO data_protection_keys (name, xml, created_at) VALUES (@name, @xml, @at) ON CONFLICT (name) DO NOTHING",
            new { name, xml = element.ToString(SaveOptions.DisableFormatting), at = SqlDialect.Timestamp(time.GetUtcNow(), database.Engine) });
    }
}
