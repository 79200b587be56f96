using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Live;
using Scrutiny.Silo.People;

namespace Scrutiny.Silo.Security;

/// <summary>
/// Tells every node that access it may have kept (<see cref="ApiKeyCheckCache"/>, <see cref="PersonCache"/>) has changed:
/// a key revoked; a person's password changed or reset, a role added or removed, the person disabled or signed out. This
/// node forgets at once; the others on the <see cref="Kind"/> change, which goes through the cluster's change feed to
/// each node's <see cref="AccessRevocationListener"/> and to no page (it names no hub group). Called after the change is
/// committed, so a node that reads the store again reads the change.
/// </summary>
public sealed class AccessRevocations(
    ApiKeyCheckCache keys, PersonCache people, IChangeFeed feed, IHostApplicationLifetime lifetime, TimeProvider time,
    ILogger<AccessRevocations> logger)
{
    /// <summary>
    /// The change kind. Defined here rather than in <see cref="ChangeKinds"/>, since no grain publishes it and no page
    /// shows it.
    /// </summary>
    public const string Kind = "access-revoked";

    /// <summary>The change's key naming a revoked API key, by id (never the key or its hash).</summary>
    public const string ApiKeyKey = "api-key";

    /// <summary>The change's key naming a person whose sessions must be checked against the store again.</summary>
    public const string PersonKey = "person";

    public Task KeyRevokedAsync(string keyId)
    {
        keys.EvictKey(keyId);
        return PublishAsync(ApiKeyKey, keyId);
    }

    public Task PersonChangedAsync(long personId)
    {
        people.EvictPerson(personId);
        return PublishAsync(PersonKey, personId.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Forgets what <paramref name="change"/> names, if it is a revocation.</summary>
    public void Apply(Change change)
    {
        if (change.Kind != Kind) return;
        if (change.Keys.TryGetValue(ApiKeyKey, out var keyId)) keys.EvictKey(keyId);
        if (change.Keys.TryGetValue(PersonKey, out var person) && long.TryParse(person, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            people.EvictPerson(id);
    }

    private async Task PublishAsync(string key, string value)
    {
        // An admin command (silo api-key revoke) runs no silo of its own: the nodes believe what they kept for at most
        // Scrutiny:AccessCache:LifetimeSeconds. A node's own silo is up once the host has started.
        if (!lifetime.ApplicationStarted.IsCancellationRequested)
        {
            logger.LogInformation("No cluster to tell of the revoked access ({Key}); nodes read it from the store within their cache's lifetime", key);
            return;
        }
        try
        {
            await feed.PublishAsync(new Change(Kind, new Dictionary<string, string> { [key] = value }, [], null, null, time.GetUtcNow()));
        }
        catch (Exception ex)
        {
            // The change is committed: other nodes read it from the store within their cache's lifetime.
            logger.LogWarning(ex, "Could not tell the cluster of revoked access ({Key}); other nodes take it up within their cache's lifetime", key);
        }
    }
}
