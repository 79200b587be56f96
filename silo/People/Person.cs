namespace Scrutiny.Silo.People;

/// <summary>
/// Someone who signs in to the dashboard, with the roles they hold. Never carries the password's hash.
/// <see cref="SecurityStamp"/> changes with the password, ending the sessions that carry another;
/// <see cref="TemporaryPasswordExpiresAt"/> is set while the password is one an administrator set.
/// </summary>
public sealed record Person(
    long Id, string Email, string DisplayName, DateTimeOffset CreatedAt, DateTimeOffset? DisabledAt, DateTimeOffset? LockedUntil,
    IReadOnlyList<PersonRole> Roles, string SecurityStamp = "", DateTimeOffset? TemporaryPasswordExpiresAt = null)
{
    public bool IsDisabled => DisabledAt is not null;

    /// <summary>The password is a temporary one: the person chooses their own before anything else.</summary>
    public bool MustChangePassword => TemporaryPasswordExpiresAt is not null;

    public bool IsAdministrator => Roles.Contains(PersonRole.Admin);

    /// <summary>Who the audit log and the cookie name this person as.</summary>
    public string Actor => ActorFor(Id);

    public const string ActorPrefix = "person:";

    public static string ActorFor(long id) => $"{ActorPrefix}{id}";

    /// <summary>The person's id in an actor or a session's name identifier (<c>person:{id}</c>); false for anything else (an API key).</summary>
    public static bool TryParseActor(string? actor, out long id)
    {
        id = 0;
        return actor is not null && actor.StartsWith(ActorPrefix, StringComparison.Ordinal) && long.TryParse(actor[ActorPrefix.Length..], out id);
    }

    /// <summary>The agency this person submits for, if any: a person holds one agency role at most (<see cref="PeopleStore"/>).</summary>
    public string? Agency => Roles.FirstOrDefault(r => r.Kind == PersonRole.AgencySubmitter)?.Scope;
}
