using Dapper;
using Microsoft.AspNetCore.Identity;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Security;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.People;

/// <summary>A password changed (the person as they are now), or the problems that stopped it, each naming its field.</summary>
public sealed record PasswordChange(Person? Person, IReadOnlyList<PersonProblem> Problems);

/// <summary>A temporary password set by an administrator, shown once, and when it stops working; or why it was not set.</summary>
public sealed record PasswordReset(Person? Person, string? Password, DateTimeOffset? ExpiresAt, PersonProblem? Problem);

/// <summary>
/// A person choosing their own password, and an administrator setting a temporary one. Either gives the person a new
/// security stamp, which ends every session that carries the old one (the dashboard checks it on each request), and
/// is audited in the same transaction, never with the password or its hash; every node is told to read the person again
/// (<see cref="AccessRevocations"/>).
/// </summary>
public sealed class PasswordChanges(
    Database database, PeopleStore people, PasswordSignIn signIn, PeopleOptions options, TimeProvider time, AccessRevocations revocations)
{
    public const string ChangedAction = "person_password_changed";
    public const string ResetAction = "person_password_reset";

    /// <summary>
    /// The signed-in person <paramref name="id"/> replaces their password, proving it with the current one. A wrong
    /// current password counts towards the lockout, as at sign-in, so that an open session cannot be used to guess it.
    /// </summary>
    public async Task<PasswordChange> ChangeAsync(long id, string? current, string? replacement, string? confirmation,
        CancellationToken cancellationToken = default)
    {
        var account = await ReadAsync(id, cancellationToken);
        if (account is null || account.DisabledAt is not null)
            return new(null, [new(PersonProblem.CurrentPasswordField, "Your account is disabled")]);
        var now = time.GetUtcNow();
        var problems = new List<PersonProblem>();
        if (string.IsNullOrEmpty(current))
            problems.Add(new(PersonProblem.CurrentPasswordField, "Enter your current password"));
        else if (account.LockedUntil is { } locked && SqlDialect.ReadTimestamp(locked) > now)
            problems.Add(new(PersonProblem.CurrentPasswordField,
                $"You have entered a wrong password too many times. Try again in {PasswordSignIn.LockoutDuration.TotalMinutes} minutes"));
        else if (PersonPasswords.Verify(account.Hash, current) == PasswordVerificationResult.Failed)
        {
            await signIn.RecordFailureAsync(id, now, expiredLock: account.LockedUntil is not null, cancellationToken);
            problems.Add(new(PersonProblem.CurrentPasswordField, "Your current password is wrong"));
        }
        else if (account.TemporaryUntil is { } until && SqlDialect.ReadTimestamp(until) <= now)
            problems.Add(new(PersonProblem.CurrentPasswordField, "Your temporary password has expired. Ask an administrator for a new one"));
        var rules = PasswordRules.Check(replacement, confirmation, account.Email);
        problems.AddRange(rules);
        if (rules.Count == 0 && replacement == current)
            problems.Add(new(PersonProblem.NewPasswordField, "The new password must be different from your current one"));
        if (problems.Count > 0) return new(null, problems);

        var hash = PersonPasswords.Hash(replacement!);
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            // Only over the hash that was checked: a reset or another change in between wins, and this one is not made.
            var changed = await connection.ExecuteAsync(
                """
                UPDATE people SET password_hash = @hash, security_stamp = @stamp, temporary_password_expires_at = NULL,
                    password_changed_at = @at, failed_attempts = 0, locked_until = NULL
                WHERE id = @id AND password_hash = @old
                """, new { id, hash, stamp = PersonPasswords.NewSecurityStamp(), at = SqlDialect.Timestamp(now, database.Engine), old = account.Hash }, transaction);
            if (changed == 1)
                await AuditLog.AppendAsync(connection, transaction, new AuditEntry(now, Person.ActorFor(id), ChangedAction, PeopleStore.Subject(id),
                    AuditLog.Detail(new { wasTemporary = account.TemporaryUntil is not null })), database.Engine, cancellationToken);
            return changed;
        }, cancellationToken);
        await revocations.PersonChangedAsync(id);
        return new(await people.FindAsync(id, cancellationToken), []);
    }

    /// <summary>
    /// Gives person <paramref name="id"/> a temporary password, returned here once and good for
    /// <see cref="PeopleOptions.TemporaryPasswordHours"/>; they must choose their own when they next sign in. Clears a
    /// lockout, and ends the person's open sessions.
    /// </summary>
    public async Task<PasswordReset> ResetAsync(long id, string actor, CancellationToken cancellationToken = default)
    {
        var person = await people.FindAsync(id, cancellationToken);
        if (person is null) return new(null, null, null, new(PersonProblem.ResetPasswordField, "There is no such person"));
        if (person.IsDisabled)
            return new(person, null, null, new(PersonProblem.ResetPasswordField, $"{person.DisplayName} is disabled and cannot sign in with any password"));
        var password = TemporaryPasswords.New();
        var now = time.GetUtcNow();
        var expires = now + options.TemporaryPasswordLifetime;
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(
                """
                UPDATE people SET password_hash = @hash, security_stamp = @stamp, temporary_password_expires_at = @expires,
                    failed_attempts = 0, locked_until = NULL
                WHERE id = @id
                """, new
                {
                    id, hash = PersonPasswords.Hash(password), stamp = PersonPasswords.NewSecurityStamp(),
                    expires = SqlDialect.Timestamp(expires, database.Engine),
                }, transaction);
            await AuditLog.AppendAsync(connection, transaction, new AuditEntry(now, actor, ResetAction, PeopleStore.Subject(id),
                AuditLog.Detail(new { expiresAt = expires })), database.Engine, cancellationToken);
            return 0;
        }, cancellationToken);
        await revocations.PersonChangedAsync(id);
        return new(await people.FindAsync(id, cancellationToken), password, expires, null);
    }

    private async Task<AccountRow?> ReadAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<AccountRow>(new CommandDefinition(
            """
            SELECT email AS Email, password_hash AS Hash, locked_until AS LockedUntil, disabled_at AS DisabledAt,
                temporary_password_expires_at AS TemporaryUntil
            FROM people WHERE id = @id
            """, new { id }, cancellationToken: cancellationToken));
    }

    private sealed class AccountRow
    {
        public string Email { get; init; } = "";
        public string Hash { get; init; } = "";
        public object? LockedUntil { get; init; }
        public object? DisabledAt { get; init; }
        public object? TemporaryUntil { get; init; }
    }
}
