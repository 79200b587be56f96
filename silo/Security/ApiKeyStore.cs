using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Security;

/// <summary>
/// Makes, checks, lists and revokes API keys. A key is <c>scr_{id}_{secret}</c>; the store keeps the id and a
/// SHA-256 hash of the whole key. 256 random bits need no slow hash: nothing can be guessed from the hash. Making
/// and revoking a key are audited in the same transaction. A good key is believed for a short while without reading the
/// store again (<see cref="ApiKeyCheckCache"/>); revoking it tells every node at once (<see cref="AccessRevocations"/>).
/// </summary>
public sealed class ApiKeyStore(Database database, TimeProvider time, ApiKeyCheckCache cache, AccessRevocations revocations)
{
    public const string CreatedAction = "api_key_created";
    public const string RevokedAction = "api_key_revoked";

    /// <summary>The longest expiry an administrator may give a key: ten years.</summary>
    public const int MaxExpiryDays = 3650;

    public const int MaxLabelLength = 100;

    private const string Prefix = "scr_";

    /// <summary>How stale <c>last_used_at</c> may be: a burst of requests writes it once, not on every request.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private const string SummaryColumns =
        """
        id AS Id, agency_code AS AgencyCode, is_admin AS IsAdmin, label AS Label, created_at AS CreatedAt,
        expires_at AS ExpiresAt, last_used_at AS LastUsedAt, revoked_at AS RevokedAt, revoked_by AS RevokedBy
        """;

    // When this node last wrote each key's last use: the cheap check before the store's own.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastUseWritten = new(StringComparer.Ordinal);

    /// <summary>What lists show of a key: <c>scr_{id}</c>, enough to tell keys apart, nothing to sign in with.</summary>
    public static string PrefixOf(string id) => Prefix + id;

    /// <summary>Makes a key; the returned key is the only time it is seen.</summary>
    public async Task<CreatedApiKey> CreateAsync(NewApiKey request, string actor, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (request.ExpiresAt is { } expires && expires <= now)
            throw new ArgumentOutOfRangeException(nameof(request), "A new key cannot have expired already.");
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var key = $"{Prefix}{id}_{Base64Url(RandomNumberGenerator.GetBytes(32))}";
        var label = string.IsNullOrWhiteSpace(request.Label) ? null : request.Label.Trim();
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO api_keys (id, key_hash, agency_code, is_admin, label, created_at, expires_at)
                VALUES (@id, @hash, @agency, @admin, @label, @at, @expires)
                """,
                new
                {
                    id, hash = Hash(key), agency = request.AgencyCode, admin = request.IsAdmin ? 1 : 0, label,
                    at = SqlDialect.Timestamp(now, database.Engine),
                    expires = request.ExpiresAt is { } e ? SqlDialect.Timestamp(e, database.Engine) : null,
                }, transaction);
            await AuditLog.AppendAsync(connection, transaction, new AuditEntry(now, actor, CreatedAction, PrefixOf(id),
                AuditLog.Detail(new { agency = request.AgencyCode, admin = request.IsAdmin, label, expiresAt = request.ExpiresAt })),
                database.Engine, cancellationToken);
            return 0;
        }, cancellationToken);
        return new CreatedApiKey(id, key);
    }

    /// <summary>A key with no label or expiry, made on the node's own account (the audit's actor is <c>system</c>).</summary>
    public async Task<string> CreateAsync(string? agencyCode, bool isAdmin, CancellationToken cancellationToken = default) =>
        (await CreateAsync(new NewApiKey(agencyCode, isAdmin), AuditSource.System, cancellationToken)).Key;

    /// <summary>The holder of a presented key, or null for a malformed, unknown, expired or revoked one.</summary>
    public async Task<ApiKeyHolder?> FindAsync(string presented, CancellationToken cancellationToken = default) =>
        (await CheckAsync(presented, cancellationToken)).Holder;

    /// <summary>
    /// The holder of a presented key (and its last use noted, when the store is read), or why it is refused. A good key
    /// checked within <see cref="AccessCacheOptions.Lifetime"/>, and before its expiry, is not read again; a refused one is
    /// read every time.
    /// </summary>
    public Task<ApiKeyCheck> CheckAsync(string presented, CancellationToken cancellationToken = default)
    {
        var parts = presented.Split('_', 3);
        if (parts is not ["scr", var id, _]) return Task.FromResult(ApiKeyCheck.Refused(ApiKeyRefusal.Unknown));
        var hash = Hash(presented);
        // The read is shared by the checks of this key made while it runs: no one request's cancellation stops it.
        return cache.GetAsync(hash, () => ReadAsync(id, hash, CancellationToken.None), cancellationToken);
    }

    private async Task<StoreAnswer<ApiKeyCheck>> ReadAsync(string id, string hash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<StoredKey>(new CommandDefinition(
            "SELECT key_hash AS Hash, agency_code AS AgencyCode, is_admin AS IsAdmin, expires_at AS ExpiresAt, revoked_at AS RevokedAt FROM api_keys WHERE id = @id",
            new { id }, cancellationToken: cancellationToken));
        // Constant-time comparison, so that response times say nothing about how much of a hash matched.
        if (row is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(row.Hash), Encoding.ASCII.GetBytes(hash)))
            return Refused(ApiKeyRefusal.Unknown);
        var now = time.GetUtcNow();
        if (row.RevokedAt is not null) return Refused(ApiKeyRefusal.Revoked);
        var expires = row.ExpiresAt is { } e ? SqlDialect.ReadTimestamp(e) : (DateTimeOffset?)null;
        if (expires <= now) return Refused(ApiKeyRefusal.Expired);
        await NoteUseAsync(connection, id, now, cancellationToken);
        return new(new ApiKeyCheck(new ApiKeyHolder(id, row.AgencyCode, row.IsAdmin != 0), null), expires ?? DateTimeOffset.MaxValue);
    }

    private static StoreAnswer<ApiKeyCheck> Refused(ApiKeyRefusal refusal) => new(ApiKeyCheck.Refused(refusal), null);

    /// <summary>The keys of one agency, or every key (<paramref name="agencyCode"/> null), newest first.</summary>
    public async Task<IReadOnlyList<ApiKeySummary>> ListAsync(string? agencyCode, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StoredSummary>(new CommandDefinition(
            $"SELECT {SummaryColumns} FROM api_keys {(agencyCode is null ? "" : "WHERE agency_code = @agencyCode")} ORDER BY created_at DESC, id",
            new { agencyCode }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToSummary())];
    }

    public async Task<ApiKeySummary?> FindSummaryAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<StoredSummary>(new CommandDefinition(
            $"SELECT {SummaryColumns} FROM api_keys WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToSummary();
    }

    /// <summary>Revokes a key for good: every request with it, on any node, is refused from now on.</summary>
    public async Task<RevokeOutcome> RevokeAsync(string id, string actor, CancellationToken cancellationToken = default)
    {
        var outcome = await RevokeInStoreAsync(id, actor, cancellationToken);
        if (outcome == RevokeOutcome.Revoked) await revocations.KeyRevokedAsync(id);
        return outcome;
    }

    private Task<RevokeOutcome> RevokeInStoreAsync(string id, string actor, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var row = await connection.QuerySingleOrDefaultAsync<StoredSummary>(
                $"SELECT {SummaryColumns} FROM api_keys WHERE id = @id", new { id }, transaction);
            if (row is null) return RevokeOutcome.NotFound;
            if (row.RevokedAt is not null) return RevokeOutcome.AlreadyRevoked;
            var now = time.GetUtcNow();
            await connection.ExecuteAsync("UPDATE api_keys SET revoked_at = @at, revoked_by = @actor WHERE id = @id",
                new { id, actor, at = SqlDialect.Timestamp(now, database.Engine) }, transaction);
            await AuditLog.AppendAsync(connection, transaction, new AuditEntry(now, actor, RevokedAction, PrefixOf(id),
                AuditLog.Detail(new { agency = row.AgencyCode, admin = row.IsAdmin != 0, label = row.Label })), database.Engine, cancellationToken);
            return RevokeOutcome.Revoked;
        }, cancellationToken);

    /// <summary>
    /// Notes the key's use at most once a <see cref="LastUsedResolution"/>: this node remembers when it last wrote,
    /// and the update's condition stops other nodes writing again within the minute.
    /// </summary>
    private async Task NoteUseAsync(System.Data.Common.DbConnection connection, string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_lastUseWritten.TryGetValue(id, out var written) && now - written < LastUsedResolution) return;
        _lastUseWritten[id] = now;
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET last_used_at = @now WHERE id = @id AND (last_used_at IS NULL OR last_used_at <= @stale)",
            new { id, now = SqlDialect.Timestamp(now, database.Engine), stale = SqlDialect.Timestamp(now - LastUsedResolution, database.Engine) },
            cancellationToken: cancellationToken));
    }

    /// <summary>The hash the store keeps of a whole key, and the cache knows it by.</summary>
    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    // RFC 4648 base64url. The secret may hold '_', the separator, safely: a key is split into at most three parts.
    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    // Settable properties: Dapper converts INTEGER (Int64 in SQLite, Int32 in PostgreSQL) only when it sets a property,
    // and timestamps arrive as text (SQLite) or DateTime (PostgreSQL).
    private sealed class StoredKey
    {
        public string Hash { get; init; } = "";
        public string? AgencyCode { get; init; }
        public long IsAdmin { get; init; }
        public object? ExpiresAt { get; init; }
        public object? RevokedAt { get; init; }
    }

    private sealed class StoredSummary
    {
        public string Id { get; init; } = "";
        public string? AgencyCode { get; init; }
        public long IsAdmin { get; init; }
        public string? Label { get; init; }
        public object CreatedAt { get; init; } = "";
        public object? ExpiresAt { get; init; }
        public object? LastUsedAt { get; init; }
        public object? RevokedAt { get; init; }
        public string? RevokedBy { get; init; }

        public ApiKeySummary ToSummary() => new(Id, AgencyCode, IsAdmin != 0, Label, SqlDialect.ReadTimestamp(CreatedAt),
            Read(ExpiresAt), Read(LastUsedAt), Read(RevokedAt), RevokedBy);

        private static DateTimeOffset? Read(object? value) => value is null ? null : SqlDialect.ReadTimestamp(value);
    }
}
