using System.Security.Claims;
using Scrutiny.Silo.Security;

namespace Scrutiny.Silo.People;

/// <summary>
/// What a signed-in person's session says about them: who (<c>person:{id}</c> and their name) and what they may do,
/// in the claims the pages and policies already read (<see cref="ScrutinyAuth.AdminRole"/>,
/// <see cref="ScrutinyAuth.AgencyClaim"/>), plus a board or committee claim for each such role.
/// </summary>
public static class PersonClaims
{
    public static IReadOnlyList<Claim> For(Person person)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, person.Actor),
            new(ClaimTypes.Name, person.DisplayName),
        };
        foreach (var role in person.Roles)
            claims.Add(role.Kind switch
            {
                PersonRole.Administrator => new Claim(ClaimTypes.Role, ScrutinyAuth.AdminRole),
                PersonRole.AgencySubmitter => new Claim(ScrutinyAuth.AgencyClaim, role.Scope),
                PersonRole.BoardMember => new Claim(ScrutinyAuth.BoardClaim, role.Scope),
                _ => new Claim(ScrutinyAuth.CommitteeClaim, role.Scope),
            });
        return claims;
    }

    /// <summary>Whether a session's claims still say what the person's current roles say (false after a role changes).</summary>
    public static bool Match(ClaimsPrincipal user, Person person) =>
        For(person).Select(Key).Order(StringComparer.Ordinal)
            .SequenceEqual(user.Claims.Where(c => Relevant.Contains(c.Type)).Select(Key).Order(StringComparer.Ordinal));

    private static readonly HashSet<string> Relevant =
        [ClaimTypes.NameIdentifier, ClaimTypes.Name, ClaimTypes.Role, ScrutinyAuth.AgencyClaim, ScrutinyAuth.BoardClaim, ScrutinyAuth.CommitteeClaim];

    private static string Key(Claim claim) => $"{claim.Type}\n{claim.Value}";
}
