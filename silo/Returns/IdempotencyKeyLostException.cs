namespace Scrutiny.Silo.Returns;

/// <summary>
/// The request's key reservation was taken over (its instance looked dead: a lease not renewed in time) before its
/// batch committed; the batch was rolled back, and the request that took the key over answers for it.
/// </summary>
public sealed class IdempotencyKeyLostException(string key)
    : Exception($"The reservation of Idempotency-Key '{key}' was taken over before the batch committed.");
