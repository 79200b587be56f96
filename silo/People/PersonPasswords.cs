using System.Buffers.Binary;
using System.Diagnostics;
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

    /// <summary>
    /// Each check is traced (<see cref="CheckActivity"/>, tagged with the hash's <see cref="Strength"/>): a check costs
    /// tens of milliseconds of CPU, worth seeing in a trace, and counting them is how the tests know that every
    /// sign-in costs the same whatever the account's state.
    /// </summary>
    public static readonly ActivitySource Tracing = new("Scrutiny.People.Passwords");

    public const string CheckActivity = "password.check";
    public const string StrengthTag = "scrutiny.password.strength";

    // A hash of nothing anyone knows, checked when the email matches no usable account, so that an unknown address
    // takes as long to refuse as a wrong password and the time says nothing about who has an account. Made by the
    // same hasher as every stored hash, so with the same algorithm, iterations and salt length.
    private static readonly string DecoyHash = Hash(TemporaryPasswords.New());

    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    public static PasswordVerificationResult Verify(string hash, string password)
    {
        using var activity = Tracing.StartActivity(CheckActivity);
        activity?.SetTag(StrengthTag, Strength(hash));
        return Hasher.VerifyHashedPassword(null!, hash, password);
    }

    /// <summary>Checks the password against the decoy: the same work as a real check, and never a match.</summary>
    public static void VerifyDecoy(string password) => Verify(DecoyHash, password);

    /// <summary>
    /// What a hash's check costs, from its header (Identity's v3 format: marker, PRF, iterations, salt length), such
    /// as <c>v3 prf 2 iterations 100000 salt 16</c>; none of it is secret.
    /// </summary>
    public static string Strength(string hash)
    {
        Span<byte> bytes = stackalloc byte[hash.Length];
        if (!Convert.TryFromBase64String(hash, bytes, out var length) || length == 0) return "unreadable";
        if (bytes[0] != 0x01 || length < 13) return $"format {bytes[0]}";
        return $"v3 prf {BinaryPrimitives.ReadUInt32BigEndian(bytes[1..])} iterations {BinaryPrimitives.ReadUInt32BigEndian(bytes[5..])} " +
            $"salt {BinaryPrimitives.ReadUInt32BigEndian(bytes[9..])}";
    }

    /// <summary>A new security stamp (<c>people.security_stamp</c>): random, so that no two passwords' sessions share one.</summary>
    public static string NewSecurityStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
