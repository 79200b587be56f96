namespace Scrutiny.Silo.People;

/// <summary>Why a change to a person was not made, and which field to fix (<c>email</c>, <c>name</c> or <c>role</c>).</summary>
public sealed record PersonProblem(string Field, string Message)
{
    public const string EmailField = "email";
    public const string NameField = "name";
    public const string RoleField = "role";
}

/// <summary>A new person and their first password, shown once; or the problems that stopped it.</summary>
public sealed record PersonCreation(Person? Person, string? Password, IReadOnlyList<PersonProblem> Problems);
