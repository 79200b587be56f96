using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Scrutiny.Silo.Email.Subscriptions;

/// <summary>
/// The tokens in residents' links: 32 random bytes, written base64url (43 characters) into the link, kept only as a
/// SHA-256, as API keys are. Anything else in a link's <c>token</c> is not looked up.
/// </summary>
public static class SubscriptionTokens
{
    public const int Length = 43;

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A token as <see cref="New"/> writes them: the right length, base64url letters only.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: Length } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
