using Microsoft.Extensions.DependencyInjection;
using Scrutiny.Silo.People;
using Scrutiny.Silo.Store;

namespace Scrutiny.Silo.Hosting;

/// <summary>
/// <c>silo person create --email x --name "X" --role administrator|agency:CODE|board:ID|committee:ID</c> (role
/// repeatable), and <c>silo person reset-password EMAIL</c>.
/// </summary>
public static class PersonCommand
{
    /// <summary>Who the audit log says made a person from the command line.</summary>
    public const string Actor = "cli";

    public const string Usage =
        """
               silo person create --email EMAIL --name NAME [--role ROLE]...
                                                    make a person who signs in with a password; ROLE is
                                                    administrator, agency:CODE, board:ID or committee:ID (repeatable)
               silo person reset-password EMAIL     give a person a temporary password (they choose their own
                                                    at their next sign-in); ends their open sessions
        """;

    public static async Task<int> CreateAsync(IServiceProvider services, string[] options)
    {
        using var source = AuditSource.Use(AuditSource.Cli);
        string? email = null, name = null;
        var roles = new List<PersonRole>();
        for (var i = 0; i < options.Length; i += 2)
        {
            if (i + 1 >= options.Length) return Refuse($"'{options[i]}' needs a value.");
            var value = options[i + 1];
            switch (options[i])
            {
                case "--email": email = value; break;
                case "--name": name = value; break;
                case "--role" when PersonRole.Parse(value) is { } role: roles.Add(role); break;
                case "--role": return Refuse($"'{value}' is not a role: use administrator, agency:CODE, board:ID or committee:ID.");
                default: return Refuse($"Unknown option '{options[i]}'.");
            }
        }
        if (email is null || name is null) return Refuse("Give --email and --name.");

        var creation = await services.GetRequiredService<PeopleStore>().CreateAsync(email, name, roles, Actor);
        if (creation.Person is not { } person)
        {
            foreach (var problem in creation.Problems) Console.Error.WriteLine(problem.Message + ".");
            return 2;
        }
        Console.WriteLine($"Person {person.Id} <{person.Email}> with {(roles.Count == 0 ? "no roles" : string.Join(", ", person.Roles))}.");
        Console.WriteLine("Temporary password (shown once; only its hash is stored):");
        Console.WriteLine(creation.Password);
        return 0;
    }

    /// <summary>Sets a temporary password for the person with <paramref name="email"/> and prints it, once, as the last line.</summary>
    public static async Task<int> ResetPasswordAsync(IServiceProvider services, string email)
    {
        using var source = AuditSource.Use(AuditSource.Cli);
        if (await services.GetRequiredService<PeopleStore>().FindByEmailAsync(email) is not { } person)
            return Refuse($"No person has the email address '{email}'.");
        var reset = await services.GetRequiredService<PasswordChanges>().ResetAsync(person.Id, Actor);
        if (reset.Problem is { } problem) return Refuse(problem.Message + ".");
        Console.WriteLine($"Person {person.Id} <{person.Email}>: their open sessions are ended, and they must choose a new password when they sign in.");
        Console.WriteLine($"Temporary password (shown once; only its hash is stored; expires {reset.ExpiresAt:yyyy-MM-dd HH:mm} UTC):");
        Console.WriteLine(reset.Password);
        return 0;
    }

    private static int Refuse(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}
