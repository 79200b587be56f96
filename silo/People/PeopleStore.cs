using System.Data.Common;
using Dapper;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Security;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.People;

/// <summary>
/// People and their roles, read and written; each write with its audit row in the same transaction. The audit never
/// holds a password or its hash. A change to what a session may do (a role, being disabled) is told to every node, which
/// then reads the person again (<see cref="AccessRevocations"/>).
/// </summary>
public sealed class PeopleStore(Database database, TimeProvider time, AccessRevocations revocations) : IExternalSignIn
{
    public const string Created = "person_created";
    public const string RoleAdded = "person_role_added";
    public const string RoleRemoved = "person_role_removed";
    public const string Disabled = "person_disabled";

    public const int MaxNameLength = 200;
    public const int MaxScopeLength = 100;

    public async Task<IReadOnlyList<Person>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var people = await connection.QueryAsync<PersonRow>(new CommandDefinition(
            $"SELECT {Columns} FROM people ORDER BY display_name, id", cancellationToken: cancellationToken));
        var roles = (await connection.QueryAsync<RoleRow>(new CommandDefinition(
            "SELECT person_id AS PersonId, role AS Kind, scope AS Scope FROM person_roles ORDER BY role, scope",
            cancellationToken: cancellationToken))).ToLookup(r => r.PersonId);
        return [.. people.Select(p => p.ToPerson(roles[p.Id]))];
    }

    public async Task<Person?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadAsync(connection, null, "id = @id", new { id }, cancellationToken);
    }

    public async Task<Person?> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadAsync(connection, null, "email = @email", new { email = PersonEmail.Normalise(email) }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Person?> FindEnabledAsync(string verifiedEmail, CancellationToken cancellationToken = default) =>
        await FindByEmailAsync(verifiedEmail, cancellationToken) is { IsDisabled: false } person ? person : null;

    /// <summary>Makes a person with a new random password, returned here once and stored only as a hash.</summary>
    public async Task<PersonCreation> CreateAsync(string email, string displayName, IReadOnlyList<PersonRole> roles, string actor,
        CancellationToken cancellationToken = default)
    {
        email = PersonEmail.Normalise(email);
        displayName = displayName.Trim();
        var password = TemporaryPasswords.New();
        var hash = PersonPasswords.Hash(password);
        var stamp = PersonPasswords.NewSecurityStamp();
        var now = time.GetUtcNow();
        return await database.InTransactionAsync(async (connection, transaction) =>
        {
            var problems = new List<PersonProblem>();
            if (!PersonEmail.IsValid(email))
                problems.Add(new(PersonProblem.EmailField, "Enter an email address in the correct format, like name@example.org"));
            else if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM people WHERE email = @email", new { email }, transaction) > 0)
                problems.Add(new(PersonProblem.EmailField, "A person with this email address already exists"));
            if (displayName.Length == 0) problems.Add(new(PersonProblem.NameField, "Enter the person's name"));
            else if (displayName.Length > MaxNameLength) problems.Add(new(PersonProblem.NameField, $"The name must be {MaxNameLength} characters or fewer"));
            var held = new List<PersonRole>();
            foreach (var role in roles.Distinct())
            {
                if (await RoleProblemAsync(connection, transaction, held, role) is { } problem) problems.Add(problem);
                else held.Add(role);
            }
            if (problems.Count > 0) return new PersonCreation(null, null, problems);

            var id = await connection.ExecuteScalarAsync<long>(
                """
                INSERT INTO people (email, display_name, password_hash, security_stamp, created_at)
                VALUES (@email, @displayName, @hash, @stamp, @at) RETURNING id
                """,
                new { email, displayName, hash, stamp, at = SqlDialect.Timestamp(now, database.Engine) }, transaction);
            await InsertRolesAsync(connection, transaction, id, held);
            await AuditAsync(connection, transaction, actor, Created, id, new { email, displayName, roles = held.Select(r => r.ToString()) }, now, cancellationToken);
            var person = new Person(id, email, displayName, now, null, null, held, stamp);
            return new PersonCreation(person, password, []);
        }, cancellationToken);
    }

    /// <summary>Gives a person a role; the problem when the role cannot be held (null: added, or held already).</summary>
    public Task<PersonProblem?> AddRoleAsync(long id, PersonRole role, string actor, CancellationToken cancellationToken = default) =>
        ThenTellNodesAsync(id, database.InTransactionAsync(async (connection, transaction) =>
        {
            var person = await ReadAsync(connection, transaction, "id = @id", new { id }, cancellationToken);
            if (person is null) return new PersonProblem(PersonProblem.RoleField, "There is no such person");
            if (person.Roles.Contains(role)) return null;
            if (await RoleProblemAsync(connection, transaction, person.Roles, role) is { } problem) return problem;
            await InsertRolesAsync(connection, transaction, id, [role]);
            await AuditAsync(connection, transaction, actor, RoleAdded, id, new { role = role.ToString() }, time.GetUtcNow(), cancellationToken);
            return (PersonProblem?)null;
        }, cancellationToken));

    /// <summary>
    /// Takes a role away; the problem when it may not be (null: removed, or not held). The last active administrator
    /// keeps theirs, so that someone can always administer people.
    /// </summary>
    public Task<PersonProblem?> RemoveRoleAsync(long id, PersonRole role, string actor, CancellationToken cancellationToken = default) =>
        ThenTellNodesAsync(id, database.InTransactionAsync(async (connection, transaction) =>
        {
            if (role == PersonRole.Admin && await LastAdministratorAsync(connection, transaction, id) is { } name)
                return new PersonProblem(PersonProblem.RolesField,
                    $"{name} is the only active administrator: make someone else an administrator before removing this role");
            var removed = await connection.ExecuteAsync("DELETE FROM person_roles WHERE person_id = @id AND role = @Kind AND scope = @Scope",
                new { id, role.Kind, role.Scope }, transaction);
            if (removed > 0)
                await AuditAsync(connection, transaction, actor, RoleRemoved, id, new { role = role.ToString() }, time.GetUtcNow(), cancellationToken);
            return (PersonProblem?)null;
        }, cancellationToken));

    /// <summary>
    /// Stops a person signing in, for good: their rows stay for the audit's sake. A session already open ends on its next
    /// request, on any node (see the dashboard's cookie validation). The problem when it may not be
    /// (the last active administrator); null: disabled, or disabled already.
    /// </summary>
    public Task<PersonProblem?> DisableAsync(long id, string actor, CancellationToken cancellationToken = default) =>
        ThenTellNodesAsync(id, database.InTransactionAsync(async (connection, transaction) =>
        {
            if (await LastAdministratorAsync(connection, transaction, id) is { } name)
                return new PersonProblem(PersonProblem.DisableField,
                    $"{name} is the only active administrator: make someone else an administrator before disabling them");
            var now = time.GetUtcNow();
            var changed = await connection.ExecuteAsync("UPDATE people SET disabled_at = @at WHERE id = @id AND disabled_at IS NULL",
                new { id, at = SqlDialect.Timestamp(now, database.Engine) }, transaction);
            if (changed > 0) await AuditAsync(connection, transaction, actor, Disabled, id, new { }, now, cancellationToken);
            return (PersonProblem?)null;
        }, cancellationToken));

    // A refused change changed nothing; one made (or found made already) may end or widen open sessions on any node.
    private async Task<PersonProblem?> ThenTellNodesAsync(long id, Task<PersonProblem?> change)
    {
        var problem = await change;
        if (problem is null) await revocations.PersonChangedAsync(id);
        return problem;
    }

    /// <summary>
    /// The person's name when they are the only active (not disabled) administrator; null otherwise. On PostgreSQL the
    /// administrators' role rows are locked first, so that two administrators taking each other's role at once queue,
    /// and the second sees the first's change (each statement reads what is committed); SQLite's transactions already
    /// queue (BEGIN IMMEDIATE).
    /// </summary>
    private async Task<string?> LastAdministratorAsync(DbConnection connection, DbTransaction transaction, long id)
    {
        if (database.Engine == StoreEngine.Postgres)
            await connection.ExecuteAsync("SELECT person_id FROM person_roles WHERE role = @role FOR UPDATE", new { role = PersonRole.Administrator }, transaction);
        var active = (await connection.QueryAsync<(long Id, string Name)>(
            """
            SELECT p.id, p.display_name FROM people p JOIN person_roles r ON r.person_id = p.id
            WHERE r.role = @role AND p.disabled_at IS NULL
            """, new { role = PersonRole.Administrator }, transaction)).ToList();
        return active is [var only] && only.Id == id ? only.Name : null;
    }

    /// <summary>The audit log's subject for a person.</summary>
    public static string Subject(long id) => Person.ActorFor(id);

    // A person speaks for one agency at most: an agency submitter's cookie carries one agency, the one everything they
    // send is for. A second agency is refused here rather than guessed between at sign-in.
    private static async Task<PersonProblem?> RoleProblemAsync(DbConnection connection, DbTransaction transaction,
        IReadOnlyList<PersonRole> held, PersonRole role)
    {
        if (role.Scope.Length > MaxScopeLength) return new(PersonProblem.RoleField, $"The role's scope must be {MaxScopeLength} characters or fewer");
        switch (role.Kind)
        {
            case PersonRole.Administrator:
                return null;
            case PersonRole.AgencySubmitter:
                if (held.FirstOrDefault(r => r.Kind == PersonRole.AgencySubmitter) is { } other && other != role)
                    return new(PersonProblem.RoleField, $"A person submits for one agency only: remove {other.Scope} first");
                return await CountAsync(connection, transaction, "SELECT COUNT(*) FROM agencies WHERE code = @scope", role.Scope) == 0
                    ? new(PersonProblem.RoleField, $"No agency has the code '{role.Scope}'") : null;
            case PersonRole.BoardMember:
                return await CountAsync(connection, transaction, "SELECT COUNT(*) FROM boards WHERE id = @scope", role.Scope) == 0
                    ? new(PersonProblem.RoleField, $"No board has the id '{role.Scope}'") : null;
            case PersonRole.ScrutinyMember:
                return role.Scope.Length == 0 ? new(PersonProblem.RoleField, "Enter the scrutiny committee") : null;
            default:
                return new(PersonProblem.RoleField, "Choose a role");
        }
    }

    private static Task<long> CountAsync(DbConnection connection, DbTransaction transaction, string sql, string scope) =>
        connection.ExecuteScalarAsync<long>(sql, new { scope }, transaction);

    private static Task InsertRolesAsync(DbConnection connection, DbTransaction transaction, long id, IEnumerable<PersonRole> roles) =>
        connection.ExecuteAsync("INSERT INTO person_roles (person_id, role, scope) VALUES (@id, @Kind, @Scope)",
            roles.Select(r => new { id, r.Kind, r.Scope }), transaction);

    private Task AuditAsync(DbConnection connection, DbTransaction transaction, string actor, string action, long id, object detail,
        DateTimeOffset at, CancellationToken cancellationToken) =>
        AuditLog.AppendAsync(connection, transaction, new AuditEntry(at, actor, action, Subject(id), AuditLog.Detail(detail)), database.Engine, cancellationToken);

    private static async Task<Person?> ReadAsync(DbConnection connection, DbTransaction? transaction, string where, object args,
        CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<PersonRow>(new CommandDefinition(
            $"SELECT {Columns} FROM people WHERE {where}", args, transaction, cancellationToken: cancellationToken));
        if (row is null) return null;
        var roles = await connection.QueryAsync<RoleRow>(new CommandDefinition(
            "SELECT person_id AS PersonId, role AS Kind, scope AS Scope FROM person_roles WHERE person_id = @Id ORDER BY role, scope",
            new { row.Id }, transaction, cancellationToken: cancellationToken));
        return row.ToPerson(roles);
    }

    private const string Columns =
        """
        id AS Id, email AS Email, display_name AS DisplayName, created_at AS CreatedAt, disabled_at AS DisabledAt, locked_until AS LockedUntil,
        security_stamp AS SecurityStamp, temporary_password_expires_at AS TemporaryPasswordExpiresAt
        """;

    private sealed class PersonRow
    {
        public long Id { get; init; }
        public string Email { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public object CreatedAt { get; init; } = "";
        public object? DisabledAt { get; init; }
        public object? LockedUntil { get; init; }
        public string SecurityStamp { get; init; } = "";
        public object? TemporaryPasswordExpiresAt { get; init; }

        public Person ToPerson(IEnumerable<RoleRow> roles) => new(Id, Email, DisplayName, SqlDialect.ReadTimestamp(CreatedAt),
            Read(DisabledAt), Read(LockedUntil), [.. roles.Select(r => new PersonRole(r.Kind, r.Scope))], SecurityStamp, Read(TemporaryPasswordExpiresAt));

        private static DateTimeOffset? Read(object? value) => value is null ? null : SqlDialect.ReadTimestamp(value);
    }

    private sealed class RoleRow
    {
        public long PersonId { get; init; }
        public string Kind { get; init; } = "";
        public string Scope { get; init; } = "";
    }
}
