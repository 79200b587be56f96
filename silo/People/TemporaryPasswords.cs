using System.Security.Cryptography;

namespace Scrutiny.Silo.People;

/// <summary>
/// Passwords made for a person (a new account, a demo account): 20 letters and digits in groups of five, about 99 bits,
/// without look-alikes (0/o, 1/l/i) so that they can be read from a screen and typed.
/// </summary>
public static class TemporaryPasswords
{
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
    private const int Groups = 4;
    private const int GroupLength = 5;

    public static string New() =>
        string.Join('-', Enumerable.Range(0, Groups).Select(_ => new string(RandomNumberGenerator.GetItems<char>(Alphabet, GroupLength))));
}
