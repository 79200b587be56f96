namespace Scrutiny.Silo.People;

/// <summary>
/// Why a change to a person was not made, and which field to fix: the id of the form field (or, for a form that is
/// only a button, of the button) that a page's error summary links to.
/// </summary>
public sealed record PersonProblem(string Field, string Message)
{
    public const string EmailField = "email";
    public const string NameField = "name";
    public const string RoleField = "role";

    /// <summary>The roles a person holds (the table of them, each with its remove button).</summary>
    public const string RolesField = "roles";
    public const string CurrentPasswordField = "current-password";
    public const string NewPasswordField = "new-password";
    public const string ConfirmPasswordField = "confirm-password";
    public const string DisableField = "disable";
    public const string ResetPasswordField = "reset-password";
}

/// <summary>A new person and their first password, shown once; or the problems that stopped it.</summary>
public sealed record PersonCreation(Person? Person, string? Password, IReadOnlyList<PersonProblem> Problems);
