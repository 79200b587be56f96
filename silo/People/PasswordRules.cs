namespace Scrutiny.Silo.People;

/// <summary>
/// What a password a person chooses must be, after NIST SP 800-63B-4 (section 3.1.1.2) and the NCSC's password
/// guidance: long, and nothing else demanded (no mix of character kinds, which makes passwords harder to remember and
/// no harder to guess); but not the person's own email address, not one character over and over, and not the
/// password it replaces. The passwords Scrutiny makes (<see cref="TemporaryPasswords"/>, 23 characters) meet the same
/// length.
/// </summary>
public static class PasswordRules
{
    /// <summary>NIST SP 800-63B-4: at least 15 characters for a password that is the only thing needed to sign in.</summary>
    public const int MinLength = 15;

    /// <summary>NIST asks for at least 64 to be allowed; a limit at all keeps the hashing time of one request bounded.</summary>
    public const int MaxLength = 256;

    /// <summary>The problems with a new password and its confirmation, each naming its field; none when it will do.</summary>
    public static IReadOnlyList<PersonProblem> Check(string? password, string? confirmation, string email)
    {
        if (string.IsNullOrEmpty(password))
            return [new(PersonProblem.NewPasswordField, "Enter a new password")];
        var problem = password.Length < MinLength ? $"The new password must be {MinLength} characters or more"
            : password.Length > MaxLength ? $"The new password must be {MaxLength} characters or fewer"
            : password.Distinct().Count() == 1 ? "The new password must not be one character repeated"
            : string.Equals(password.Trim(), email, StringComparison.OrdinalIgnoreCase) ? "The new password must not be your email address"
            : null;
        if (problem is not null) return [new(PersonProblem.NewPasswordField, problem)];
        if (string.IsNullOrEmpty(confirmation))
            return [new(PersonProblem.ConfirmPasswordField, "Enter the new password again")];
        return password == confirmation ? [] : [new(PersonProblem.ConfirmPasswordField, "The passwords do not match: enter the same new password twice")];
    }
}
