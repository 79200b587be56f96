using Scrutiny.Silo.Security;

namespace Scrutiny.Silo.People;

/// <summary>
/// People whose sessions this node has checked against the store lately, by id: enabled people only, as the store had them.
/// A password change or reset, a role added or removed, a person disabled or signing out evicts them on every node
/// (<see cref="AccessRevocations"/>).
/// </summary>
public sealed class PersonCache(AccessCacheOptions options, TimeProvider time) : AccessCache<long, Person?>(options, time)
{
    public void EvictPerson(long id) => Evict((kept, _) => kept == id);

    /// <summary>The person, if they exist and are enabled; read from <paramref name="people"/> unless kept.</summary>
    public Task<Person?> FindEnabledAsync(long id, PeopleStore people, CancellationToken cancellationToken = default) =>
        GetAsync(id, async () => await people.FindAsync(id, CancellationToken.None) is { IsDisabled: false } person
            ? new StoreAnswer<Person?>(person, DateTimeOffset.MaxValue)
            : new StoreAnswer<Person?>(null, null), cancellationToken);
}
