using Dapper;
using Scrutiny.Grains.Catalogue;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.People;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Email;

/// <summary>
/// Which kinds of email each person gets: every kind until they turn it off. The sender reads this as it sends
/// (<see cref="OutboxStore.ReasonNotToSendAsync"/>), so a choice holds for messages already waiting too.
/// </summary>
public sealed class EmailPreferences(Database database)
{
    public const string SetAction = "email_preferences_set";

    public async Task<IReadOnlySet<EmailKind>> WantedAsync(long personId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var off = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT kind FROM email_preferences WHERE person_id = @personId AND wanted = 0", new { personId }, cancellationToken: cancellationToken))).ToHashSet();
        return EmailKinds.ForAccounts.Where(k => !off.Contains(CatalogueNames.Name(k))).ToHashSet();
    }

    /// <summary>Keeps the person's choice (the kinds in <paramref name="wanted"/> on, every other off), audited; false when nothing changed.</summary>
    public Task<bool> SetAsync(long personId, IReadOnlySet<EmailKind> wanted, string actor, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var before = (await connection.QueryAsync<(string Kind, long Wanted)>(new CommandDefinition(
                "SELECT kind, wanted FROM email_preferences WHERE person_id = @personId", new { personId }, transaction, cancellationToken: cancellationToken)))
                .ToDictionary(r => r.Kind, r => r.Wanted != 0);
            var changed = false;
            foreach (var kind in EmailKinds.ForAccounts)
            {
                var name = CatalogueNames.Name(kind);
                var want = wanted.Contains(kind);
                if (before.GetValueOrDefault(name, true) == want) continue;
                changed = true;
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO email_preferences (person_id, kind, wanted, updated_at) VALUES (@personId, @name, @wanted, @at)
                    ON CONFLICT (person_id, kind) DO UPDATE SET wanted = excluded.wanted, updated_at = excluded.updated_at
                    """,
                    new { personId, name, wanted = want ? 1 : 0, at = SqlDialect.Timestamp(at, database.Engine) }, transaction, cancellationToken: cancellationToken));
            }
            if (changed)
                await AuditLog.AppendAsync(connection, transaction, new AuditEntry(at, actor, SetAction, PeopleStore.Subject(personId),
                    AuditLog.Detail(new { wanted = wanted.Select(k => CatalogueNames.Name(k)).Order(StringComparer.Ordinal) })), database.Engine, cancellationToken);
            return changed;
        }, cancellationToken);
}
