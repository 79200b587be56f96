namespace Scrutiny.Silo.Security;

/// <summary>Who an API key speaks for: an agency, or an administrator.</summary>
public sealed record ApiKeyHolder(string KeyId, string? AgencyCode, bool IsAdmin);

/// <summary>What a new key is for: one agency (or an administrator), a label people recognise, an optional expiry.</summary>
public sealed record NewApiKey(string? AgencyCode, bool IsAdmin, string? Label = null, DateTimeOffset? ExpiresAt = null);

/// <summary>A key just made: <see cref="Key"/> is the only time anyone sees the whole key.</summary>
public sealed record CreatedApiKey(string Id, string Key)
{
    public string Prefix => ApiKeyStore.PrefixOf(Id);
}

/// <summary>A key as lists show it: its visible prefix and lifecycle, never its secret or hash.</summary>
public sealed record ApiKeySummary(
    string Id, string? AgencyCode, bool IsAdmin, string? Label, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, string? RevokedBy)
{
    public string Prefix => ApiKeyStore.PrefixOf(Id);

    public ApiKeyState StateAt(DateTimeOffset now) =>
        RevokedAt is not null ? ApiKeyState.Revoked : ExpiresAt <= now ? ApiKeyState.Expired : ApiKeyState.Active;
}

public enum ApiKeyState { Active, Expired, Revoked }

/// <summary>
/// Why a presented key was refused. Expired and revoked are told only to a caller who holds the whole key (its hash
/// matched): the prefix alone, which lists show, learns nothing.
/// </summary>
public enum ApiKeyRefusal { Unknown, Expired, Revoked }

/// <summary>The answer to a presented key: its holder, or why it was refused.</summary>
public sealed record ApiKeyCheck(ApiKeyHolder? Holder, ApiKeyRefusal? Refusal)
{
    public static ApiKeyCheck Refused(ApiKeyRefusal refusal) => new(null, refusal);
}

public enum RevokeOutcome { Revoked, AlreadyRevoked, NotFound }
