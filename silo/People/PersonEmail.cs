using System.Net.Mail;

namespace Scrutiny.Silo.People;

/// <summary>How an email address is kept: trimmed and lower-cased, so that an address is one account however it is typed.</summary>
public static class PersonEmail
{
    public const int MaxLength = 254;

    public static string Normalise(string email) => email.Trim().ToLowerInvariant();

    /// <summary>An address with one @, something either side and no display name: enough to tell a typing mistake.</summary>
    public static bool IsValid(string email) =>
        email.Length <= MaxLength && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && parsed.DisplayName.Length == 0;
}
