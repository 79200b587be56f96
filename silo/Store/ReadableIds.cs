using System.Security.Cryptography;

namespace Scrutiny.Silo.Store;

/// <summary>Random ids for records people refer to: hard to guess, short enough to read out in a meeting.</summary>
public static class ReadableIds
{
    // Lower-case letters and digits without look-alikes (0/o, 1/l/i).
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
    private const int Length = 10;

    public static string New() => new(RandomNumberGenerator.GetItems<char>(Alphabet, Length));
}
