using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Scrutiny.Silo.People;

/// <summary>
/// Passwords hashed and checked with ASP.NET Core Identity's hasher (PBKDF2 with a salt per password and a format
/// marker, so that a stronger setting later rehashes old hashes as people sign in).
/// </summary>
public static class PersonPasswords
{
    private static readonly PasswordHasher<Person> Hasher = new();

    // A hash of nothing anyone knows, checked when the email matches no one, so that an unknown address takes as
    // long to refuse as a wrong password and the time says nothing about who has an account.
    private static readonly string DecoyHash = Hash(TemporaryPasswords.New());

    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    public static PasswordVerificationResult Verify(string hash, string password) => Hasher.VerifyHashedPassword(null!, hash, password);

    public static void VerifyDecoy(string password) => Hasher.VerifyHashedPassword(null!, DecoyHash, password);

    /// <summary>A new security stamp (<c>people.security_stamp</c>): random, so that no two passwords' sessions share one.</summary>
    public static string NewSecurityStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
