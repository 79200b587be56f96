using Dapper;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.People;

/// <summary>
/// How a password sign-in ended. Only <see cref="SignedIn"/> lets anyone in; the rest look the same to them.
/// <see cref="Expired"/>: the right temporary password, after its time.
/// </summary>
public enum PasswordSignInResult { SignedIn, Wrong, LockedOut, Disabled, Expired }

/// <summary>
/// Checks an email and password, with lockout: <see cref="MaxFailures"/> wrong passwords in a row lock the account
/// for <see cref="LockoutDuration"/>, counted per account (an attacker spreading guesses over addresses is the
/// per-IP rate limit's business). While locked, no password lets anyone in, not even the right one (it is checked all
/// the same, so that a locked account costs the same time to refuse as any other).
/// </summary>
public sealed class PasswordSignIn(Database database, PeopleStore people, TimeProvider time, ILogger<PasswordSignIn> logger)
{
    public const string LockedOutAction = "person_locked_out";

    /// <summary>OWASP's suggestion for a lockout threshold is a small number; five forgives a few typing mistakes.</summary>
    public const int MaxFailures = 5;

    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>What a person is told for every failure, so that it never says whether the email has an account.</summary>
    public const string Failure = "The email address or password is wrong";

    public async Task<(PasswordSignInResult Result, Person? Person)> SignInAsync(string email, string password,
        CancellationToken cancellationToken = default)
    {
        var normalised = PersonEmail.Normalise(email);
        await using var connection = await database.OpenAsync(cancellationToken);
        var account = await connection.QuerySingleOrDefaultAsync<AccountRow>(new CommandDefinition(
            """
            SELECT id AS Id, password_hash AS Hash, locked_until AS LockedUntil, disabled_at AS DisabledAt,
                temporary_password_expires_at AS TemporaryUntil
            FROM people WHERE email = @normalised
            """,
            new { normalised }, cancellationToken: cancellationToken));
        // Exactly one password check of the same strength whatever follows (no account, a locked one, a disabled one,
        // a wrong or an expired password), and before any state is looked at: a refusal that skipped the hashing
        // would answer in a few milliseconds instead of a hundred, and the time alone would say who has an account
        // and whether it is locked.
        var verified = account is null ? Decoy(password) : PersonPasswords.Verify(account.Hash, password);
        if (account is null) return (PasswordSignInResult.Wrong, null);
        var now = time.GetUtcNow();
        if (account.LockedUntil is { } locked && SqlDialect.ReadTimestamp(locked) > now)
        {
            logger.LogWarning("Sign-in refused: {Person} is locked out", Person.ActorFor(account.Id));
            return (PasswordSignInResult.LockedOut, null);
        }
        if (verified == PasswordVerificationResult.Failed)
        {
            await RecordFailureAsync(account.Id, now, expiredLock: account.LockedUntil is not null, cancellationToken);
            return (PasswordSignInResult.Wrong, null);
        }
        if (account.DisabledAt is not null)
        {
            logger.LogWarning("Sign-in refused: {Person} is disabled", Person.ActorFor(account.Id));
            return (PasswordSignInResult.Disabled, null);
        }
        // Not a failure to count: the password was right, only too old. An administrator sets another.
        if (account.TemporaryUntil is { } until && SqlDialect.ReadTimestamp(until) <= now)
        {
            logger.LogWarning("Sign-in refused: {Person}'s temporary password has expired", Person.ActorFor(account.Id));
            return (PasswordSignInResult.Expired, null);
        }
        // A good password clears the count; a hash in an older format is replaced by one in the current format.
        var rehash = verified == PasswordVerificationResult.SuccessRehashNeeded ? PersonPasswords.Hash(password) : null;
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE people SET failed_attempts = 0, locked_until = NULL, password_hash = COALESCE(@rehash, password_hash) WHERE id = @Id",
            new { account.Id, rehash }, cancellationToken: cancellationToken));
        return (PasswordSignInResult.SignedIn, await people.FindAsync(account.Id, cancellationToken));
    }

    private static PasswordVerificationResult Decoy(string password)
    {
        PersonPasswords.VerifyDecoy(password);
        return PasswordVerificationResult.Failed;
    }

    // One statement adds the failure and, at the threshold, sets the lock, so that two wrong passwords at once both count.
    // A lock that has run out starts the count again. A wrong current password on the change page counts the same.
    internal Task RecordFailureAsync(long id, DateTimeOffset now, bool expiredLock, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            if (expiredLock)
                await connection.ExecuteAsync("UPDATE people SET failed_attempts = 0, locked_until = NULL WHERE id = @id", new { id }, transaction);
            var until = SqlDialect.Timestamp(now + LockoutDuration, database.Engine);
            var failures = await connection.ExecuteScalarAsync<long>(
                """
                UPDATE people SET failed_attempts = failed_attempts + 1,
                    locked_until = CASE WHEN failed_attempts + 1 >= @max THEN @until ELSE locked_until END
                WHERE id = @id RETURNING failed_attempts
                """, new { id, max = MaxFailures, until }, transaction);
            if (failures == MaxFailures)
            {
                logger.LogWarning("{Person} locked out for {Minutes} minutes after {Failures} wrong passwords",
                    Person.ActorFor(id), LockoutDuration.TotalMinutes, MaxFailures);
                await AuditLog.AppendAsync(connection, transaction, new AuditEntry(now, Person.ActorFor(id), LockedOutAction,
                    PeopleStore.Subject(id), AuditLog.Detail(new { failures, lockedUntil = now + LockoutDuration })), database.Engine, cancellationToken);
            }
            return 0;
        }, cancellationToken);

    private sealed class AccountRow
    {
        public long Id { get; init; }
        public string Hash { get; init; } = "";
        public object? LockedUntil { get; init; }
        public object? DisabledAt { get; init; }
        public object? TemporaryUntil { get; init; }
    }
}
