using Microsoft.Extensions.Logging;
using Scrutiny.Silo.People;

namespace Scrutiny.Silo.Seeding;

/// <summary>
/// The demo's sign-in accounts, one for each role, made only when the demo is seeded (never in a database that is
/// not a demo's). Their passwords are random, made on the spot and printed once to the console: nothing secret is in
/// the repository, and a demo on a shared machine has passwords no one else has read in a README.
/// </summary>
public sealed class DemoPeople(PeopleStore people, ILogger<DemoPeople> logger)
{
    public const string Actor = "seed-demo";

    /// <summary>The demo scrutiny member's committee, which the seed makes.</summary>
    public static readonly string Committee = DemoCommittees.Manchester.Id;

    public static readonly IReadOnlyList<(string Email, string Name, PersonRole Role)> All =
    [
        ("administrator@demo.scrutiny.example", "Demo Administrator", PersonRole.Admin),
        ("submitter@demo.scrutiny.example", "Demo Submitter (MFT)", PersonRole.Agency("MFT")),
        ("board-member@demo.scrutiny.example", "Demo Board Member",
            PersonRole.Board(DemoBoroughs.BoardId(DemoBoroughs.All.Single(b => b.Slug == "manchester")))),
        ("scrutiny-member@demo.scrutiny.example", "Demo Scrutiny Member", PersonRole.Committee(Committee)),
    ];

    /// <summary>Makes the accounts not already made (a reseed keeps the old ones and their passwords); returns the new ones with their passwords.</summary>
    public async Task<IReadOnlyList<DemoAccount>> CreateAsync(CancellationToken cancellationToken)
    {
        var made = new List<DemoAccount>();
        foreach (var (email, name, role) in All)
        {
            if (await people.FindByEmailAsync(email, cancellationToken) is not null) continue;
            var creation = await people.CreateAsync(email, name, [role], Actor, cancellationToken);
            if (creation.Person is null)
                throw new InvalidOperationException($"Demo account {email}: {string.Join("; ", creation.Problems.Select(p => p.Message))}");
            made.Add(new DemoAccount(email, role, creation.Password!));
        }
        if (made.Count > 0)
            logger.LogWarning("Demo accounts created; their passwords are printed once to the console. Never use the demo for real data.");
        return made;
    }

    /// <summary>
    /// Prints new accounts' passwords with a warning; to the console only, not the log: log sinks are kept and
    /// shipped, and these passwords are to be seen once.
    /// </summary>
    public static void Print(IReadOnlyList<DemoAccount> accounts, TextWriter console)
    {
        if (accounts.Count == 0) return;
        console.WriteLine();
        console.WriteLine("WARNING: DEMO ACCOUNTS. Anyone with these passwords can sign in; use them for the demo only.");
        console.WriteLine("They are shown once and stored only as hashes:");
        foreach (var (email, role, password) in accounts) console.WriteLine($"  {role,-45} {email,-40} {password}");
        console.WriteLine();
    }
}

/// <summary>A demo account just made, with its password.</summary>
public sealed record DemoAccount(string Email, PersonRole Role, string Password);
