using System.Security.Claims;
using Scrutiny.Silo.Security;

namespace Scrutiny.Silo.Seeding;

/// <summary>
/// Who the seed acts as when it goes through the committees' services, which check the caller as they check a person
/// signed in: an administrator for the committee's own business, an agency for its answers (only an addressee may
/// answer). Every one is recorded as <see cref="DemoSeeder.SubmittedBy"/>.
/// </summary>
public static class DemoPrincipals
{
    private const string AuthenticationType = "demo-seed";

    public static readonly ClaimsPrincipal Administrator = Make(new Claim(ClaimTypes.Role, ScrutinyAuth.AdminRole));

    public static ClaimsPrincipal Agency(string code) => Make(new Claim(ScrutinyAuth.AgencyClaim, code));

    private static ClaimsPrincipal Make(Claim claim) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, DemoSeeder.SubmittedBy), claim], AuthenticationType));
}
