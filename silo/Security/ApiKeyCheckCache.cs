namespace Scrutiny.Silo.Security;

/// <summary>
/// Good API keys this node has checked lately, by the SHA-256 hash of the whole key (never the key itself), each until the
/// cache's lifetime or the key's expiry, whichever comes first. A revoked key is evicted by its id
/// (<see cref="AccessRevocations"/>).
/// </summary>
public sealed class ApiKeyCheckCache(AccessCacheOptions options, TimeProvider time) : AccessCache<string, ApiKeyCheck>(options, time)
{
    public void EvictKey(string keyId) => Evict((_, check) => check.Holder?.KeyId == keyId);
}
