using System.Security.Claims;
using Scrutiny.Silo.Security;

namespace Scrutiny.Silo.People;

/// <summary>
/// What a signed-in person's session says about them: who (<c>person:{id}</c> and their name) and what they may do,
/// in the claims the pages and policies already read (<see cref="ScrutinyAuth.AdminRole"/>,
/// <see cref="ScrutinyAuth.AgencyClaim"/>), plus a board or committee claim for each such role; the security stamp of
/// the password they signed in with, and whether they must choose a new password before anything else.
/// </summary>
public static class PersonClaims
{
    /// <summary>The person's security stamp when the session began: a session with another one has outlived a password change.</summary>
    public const string StampClaim = "scrutiny:stamp";

    /// <summary>Present while the person signed in with a temporary password and has not yet chosen their own.</summary>
    public const string MustChangePasswordClaim = "scrutiny:must-change-password";

    public static IReadOnlyList<Claim> For(Person person)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, person.Actor),
            new(ClaimTypes.Name, person.DisplayName),
            new(StampClaim, person.SecurityStamp),
        };
        if (person.MustChangePassword) claims.Add(new Claim(MustChangePasswordClaim, "true"));
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

    /// <summary>
    /// Whether a session began with the person's current password: false once the password has been changed or reset
    /// since. A session from before stamps existed carries none, which matches the stamp of a person who has not
    /// changed their password since (<c>''</c>).
    /// </summary>
    public static bool StampMatches(ClaimsPrincipal user, Person person) =>
        string.Equals(user.FindFirstValue(StampClaim) ?? "", person.SecurityStamp, StringComparison.Ordinal);

    /// <summary>Whether the session must go to the password change page first.</summary>
    public static bool MustChangePassword(ClaimsPrincipal user) => user.HasClaim(c => c.Type == MustChangePasswordClaim);

    /// <summary>Whether a session's claims still say what the person's current roles say (false after a role changes).</summary>
    public static bool Match(ClaimsPrincipal user, Person person) =>
        For(person).Select(Key).Order(StringComparer.Ordinal)
            .SequenceEqual(user.Claims.Where(c => Relevant.Contains(c.Type)).Select(Key).Order(StringComparer.Ordinal));

    private static readonly HashSet<string> Relevant =
        [
            ClaimTypes.NameIdentifier, ClaimTypes.Name, ClaimTypes.Role, ScrutinyAuth.AgencyClaim, ScrutinyAuth.BoardClaim, ScrutinyAuth.CommitteeClaim,
            StampClaim, MustChangePasswordClaim,
        ];

    private static string Key(Claim claim) => $"{claim.Type}\n{claim.Value}";
}
