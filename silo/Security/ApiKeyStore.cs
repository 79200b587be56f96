using System.Security.Cryptography;
using System.Text;
using Dapper;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Security;

/// <summary>Who an API key speaks for: an agency, or an administrator.</summary>
public sealed record ApiKeyHolder(string KeyId, string? AgencyCode, bool IsAdmin);

/// <summary>
/// Makes and checks API keys. A key is <c>scr_{id}_{secret}</c>; the store keeps the id and a SHA-256 hash of
/// the whole key. 256 random bits need no slow hash: nothing can be guessed from the hash.
/// </summary>
public sealed class ApiKeyStore(Database database, TimeProvider time)
{
    private const string Prefix = "scr_";

    /// <summary>Makes a key; the returned text is the only time the key is seen.</summary>
    public async Task<string> CreateAsync(string? agencyCode, bool isAdmin, CancellationToken cancellationToken = default)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = $"{Prefix}{id}_{secret}";
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO api_keys (id, key_hash, agency_code, is_admin, created_at) VALUES (@id, @hash, @agencyCode, @admin, @at)",
            new { id, hash = Hash(key), agencyCode, admin = isAdmin ? 1 : 0, at = SqlDialect.Timestamp(time.GetUtcNow(), database.Engine) });
        return key;
    }

    /// <summary>The holder of a presented key, or null for a malformed, unknown or revoked one.</summary>
    public async Task<ApiKeyHolder?> FindAsync(string presented, CancellationToken cancellationToken = default)
    {
        var parts = presented.Split('_', 3);
        if (parts is not ["scr", var id, _]) return null;
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string Hash, string? Agency, long Admin)?>(
            "SELECT key_hash, agency_code, is_admin FROM api_keys WHERE id = @id AND revoked_at IS NULL", new { id });
        if (row is not { } r) return null;
        // Constant-time comparison, so that response times say nothing about how much of a hash matched.
        var matches = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(r.Hash), Encoding.ASCII.GetBytes(Hash(presented)));
        return matches ? new ApiKeyHolder(id, r.Agency, r.Admin != 0) : null;
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    // RFC 4648 base64url. The secret may hold '_', the separator, safely: a key is split into at most three parts.
    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
